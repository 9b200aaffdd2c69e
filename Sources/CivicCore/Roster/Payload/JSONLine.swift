import Foundation

/// A JSON value with its types kept apart (a number is not a boolean, `1.5` is not an integer),
/// as the roster's rules need them: "a field is missing or of the wrong type" is `malformed`.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

/// Reads one line of a roster payload as a JSON object. Lines as the petition system writes
/// them (flat objects of plain strings and integers) take a direct scan, several times faster
/// than the general decoder on 3–4 KB lines of base64; anything else (escapes, nesting,
/// fractions, duplicate keys) goes to Foundation's JSONDecoder, which has the last word.
enum JSONLine {
    static func object(_ line: some Collection<UInt8>) -> [String: JSONValue]? {
        let bytes = Array(line)
        var scan = FlatScan(bytes)
        if let object = scan.object() { return object }
        // The decoder would skip a byte-order mark, which the spec does not allow.
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)))?.object
    }
}

/// The direct scan: `{"key":"text","key":123}` with optional JSON whitespace. It returns nil
/// (not a verdict) for anything outside that subset.
private struct FlatScan {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func object() -> [String: JSONValue]? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var result: [String: JSONValue] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return finish(result) }
        while true {
            skipSpace()
            guard let key = plainString() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            guard let value = scalar(), result.updateValue(value, forKey: key) == nil else { return nil }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return finish(result)
        }
    }

    private mutating func finish(_ result: [String: JSONValue]) -> [String: JSONValue]? {
        skipSpace()
        return index == bytes.count ? result : nil
    }

    private mutating func scalar() -> JSONValue? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") { return plainString().map(JSONValue.string) }
        return integer().map(JSONValue.integer)
    }

    /// A string without escapes or control characters, in valid UTF-8.
    private mutating func plainString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)` of at most 18 digits, not followed by a fraction or exponent.
    private mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard index - start < 18 else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
        return negative ? -value : value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
}
