/// A flat JSON object — `{"key":"text","key":123}`, any order, any JSON whitespace, strings
/// with any escapes — read in place: keys and values are located in the line, nothing is
/// copied until asked for. Record lines and signed statements are such objects; reading them
/// this way costs a fraction of building a dictionary of strings.
///
/// Nil (not a verdict) for anything outside that subset: nesting, `true`/`false`/`null`,
/// fractions and exponents, integers beyond 18 digits, duplicate keys, `\u` escapes of
/// surrogates, text that is not UTF-8 or not JSON. Callers then read the line with the general
/// decoder (`JSONLine.object`), which has the last word.
struct FlatJSONObject {
    /// A string's contents between its quotes, as written.
    struct Text {
        let range: Range<Int>
        let hasEscapes: Bool
    }

    enum Value {
        case string(Text)
        case integer(Int)
    }

    let bytes: [UInt8]
    private(set) var keys: [Text] = []
    private(set) var values: [Value] = []

    init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        // Record lines have 4 fields, signed statements 7: one allocation each.
        keys.reserveCapacity(8)
        values.reserveCapacity(8)
        var scanner = Scanner()
        let scanned = bytes.withUnsafeBufferPointer { buffer -> Bool in
            scanner.buffer = buffer
            return scanner.object(keys: &keys, values: &values)
        }
        guard scanned, !hasDuplicateKeys() else { return nil }
    }

    /// The value of `key`, if the object has it.
    func value(_ key: String) -> Value? {
        var key = key
        return key.withUTF8 { wanted in
            keys.firstIndex { text in
                text.hasEscapes ? decoded(text).elementsEqual(wanted)
                    : text.range.count == wanted.count && bytes[text.range].elementsEqual(wanted)
            }.map { values[$0] }
        }
    }

    /// A string's UTF-8 bytes with its escapes resolved.
    func decoded(_ text: Text) -> [UInt8] {
        guard text.hasEscapes else { return Array(bytes[text.range]) }
        var output: [UInt8] = []
        output.reserveCapacity(text.range.count)
        var index = text.range.lowerBound
        while index < text.range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = Unicode.Scalar(Scanner.hexValue(bytes[index..<index + 4]) ?? 0) ?? "\u{FFFD}"
                output.append(contentsOf: String(scalar).utf8)
                index += 4
            default: output.append(escape)
            }
        }
        return output
    }

    /// A string value as text (the scan has checked it is UTF-8).
    func string(_ text: Text) -> String {
        text.hasEscapes ? String(decoding: decoded(text), as: UTF8.self) : String(decoding: bytes[text.range], as: UTF8.self)
    }

    private func hasDuplicateKeys() -> Bool {
        guard keys.count > 1 else { return false }
        for index in 1..<keys.count {
            for earlier in keys[..<index] {
                let same = keys[index].hasEscapes || earlier.hasEscapes
                    ? decoded(keys[index]) == decoded(earlier)
                    : keys[index].range.count == earlier.range.count && bytes[keys[index].range].elementsEqual(bytes[earlier.range])
                if same { return true }
            }
        }
        return false
    }
}

/// The scan itself, over the line's bytes.
private struct Scanner {
    var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var index = 0

    mutating func object(keys: inout [FlatJSONObject.Text], values: inout [FlatJSONObject.Value]) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            while true {
                skipSpace()
                guard let key = string() else { return false }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipSpace()
                guard let value = scalar() else { return false }
                keys.append(key)
                values.append(value)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return false }
                break
            }
        }
        skipSpace()
        return index == buffer.count
    }

    private mutating func scalar() -> FlatJSONObject.Value? {
        guard index < buffer.count else { return nil }
        if buffer[index] == UInt8(ascii: "\"") { return string().map(FlatJSONObject.Value.string) }
        return integer().map(FlatJSONObject.Value.integer)
    }

    /// A JSON string: no control characters, valid escapes (no surrogates), valid UTF-8.
    private mutating func string() -> FlatJSONObject.Text? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var hasEscapes = false
        var highBits: UInt8 = 0
        while index < buffer.count {
            index = Self.plainRun(buffer, from: index, highBits: &highBits)
            guard index < buffer.count else { break }
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                if highBits != 0 && (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: buffer[range]).span)) == nil {
                    return nil
                }
                return FlatJSONObject.Text(range: range, hasEscapes: hasEscapes)
            }
            // A control character, or a backslash.
            guard byte == UInt8(ascii: "\\"), index + 1 < buffer.count else { return nil }
            hasEscapes = true
            switch buffer[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 2
            case UInt8(ascii: "u"):
                guard index + 6 <= buffer.count, let value = Self.hexValue(buffer[index + 2..<index + 6]),
                      !(0xD800...0xDFFF).contains(value) else { return nil }
                index += 6
            default:
                return nil
            }
        }
        return nil
    }

    /// The end of the run of plain octets (anything but `"`, `\\` and control characters) from
    /// `index`, eight at a time: base64 values are nothing else, and text mostly. The high bits
    /// of the octets passed are or-ed into `highBits`: zero when they were all ASCII.
    static func plainRun(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, highBits: inout UInt8) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // The high bit of each octet that is zero (exact for whether there is one).
        func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }
        var index = start
        var high: UInt64 = 0
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Octets below 0x20 (exact for whether there is one: octets of 0x80 and above
            // neither match nor borrow), `"` and `\\`, tested at once.
            let special = ((word &- ones &* 0x20) & ~word | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))) & highs
            if special != 0 { break }
            high |= word & highs
            index += 8
        }
        if high != 0 { highBits |= 0x80 }
        while index < buffer.count {
            let byte = buffer[index]
            guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
            highBits |= byte & 0x80
            index += 1
        }
        return index
    }

    /// `-?(0|[1-9][0-9]*)` of at most 18 digits, not followed by a fraction or exponent.
    private mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value = 0
        while index < buffer.count, buffer[index] >= UInt8(ascii: "0"), buffer[index] <= UInt8(ascii: "9") {
            guard index - start < 18 else { return nil }
            value = value * 10 + Int(buffer[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, !(digits > 1 && buffer[start] == UInt8(ascii: "0")) else { return nil }
        if index < buffer.count {
            switch buffer[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        return negative ? -value : value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < buffer.count, buffer[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Four hex digits' value.
    static func hexValue<Digits: Collection<UInt8>>(_ digits: Digits) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
