import Foundation

/// One element of a DER encoding in a byte buffer: its identifier octet and where it lies.
struct DERElement {
    let tag: UInt8
    /// The identifier and length octets, then the contents.
    let range: Range<Int>
    let contents: Range<Int>

    var isConstructed: Bool { tag & 0x20 != 0 }
}

/// Walks DER held in memory, strictly: low tag numbers, definite lengths in their shortest form,
/// every element inside its parent. It copies nothing and never throws: nil means "not DER of
/// the shape asked for", and the callers then leave the bytes to OpenSSL, whose reading is the
/// reference. (`BERReader` is the streaming reader for large BER files.)
struct DERCursor {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8]) {
        self.init(bytes, within: 0..<bytes.count)
    }

    init(_ bytes: [UInt8], within range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// A cursor over the contents of `element` (an element of the same buffer).
    func inside(_ element: DERElement) -> DERCursor {
        DERCursor(bytes, within: element.contents)
    }

    var isAtEnd: Bool { position >= end }

    /// The identifier octet of the next element, without reading it.
    var nextTag: UInt8? { position < end ? bytes[position] : nil }

    /// The next element, whatever its tag.
    mutating func next() -> DERElement? {
        guard position + 2 <= end else { return nil }
        let tag = bytes[position]
        guard tag & 0x1F != 0x1F else { return nil }
        var index = position + 1
        let first = bytes[index]
        index += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let octets = Int(first & 0x7F)
            // 0x80 is BER's indefinite length; DER writes a length in as few octets as it takes.
            guard octets >= 1, octets <= 4, index + octets <= end, bytes[index] != 0 else { return nil }
            for _ in 0..<octets {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
            guard length >= 0x80 else { return nil }
        }
        guard length <= end - index else { return nil }
        let element = DERElement(tag: tag, range: position..<index + length, contents: index..<index + length)
        position = element.range.upperBound
        return element
    }

    /// The next element, which must have `tag`.
    mutating func next(_ tag: UInt8) -> DERElement? {
        guard nextTag == tag else { return nil }
        return next()
    }

    /// The next element when it has `tag` (an OPTIONAL field); nil, reading nothing, otherwise.
    mutating func optional(_ tag: UInt8) -> DERElement? {
        nextTag == tag ? next() : nil
    }

    /// Every remaining element, each required to have `tag`; nil when one does not (or none is
    /// left and `allowEmpty` is false).
    mutating func all(_ tag: UInt8, allowEmpty: Bool = true) -> [DERElement]? {
        var elements: [DERElement] = []
        while !isAtEnd {
            guard let element = next(tag) else { return nil }
            elements.append(element)
        }
        return elements.isEmpty && !allowEmpty ? nil : elements
    }
}

/// The strict readings of DER primitive values that the certificate and signature walks share.
enum DERValue {
    /// An OBJECT IDENTIFIER's contents as OpenSSL accepts them: not empty, no subidentifier
    /// starting with 0x80, the last octet ending a subidentifier.
    static func isObjectIdentifier(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, bytes[range.upperBound - 1] & 0x80 == 0 else { return false }
        var startsSubidentifier = true
        for index in range {
            if startsSubidentifier && bytes[index] == 0x80 { return false }
            startsSubidentifier = bytes[index] & 0x80 == 0
        }
        return true
    }

    /// An INTEGER's contents in their shortest form (as OpenSSL requires when it decodes one).
    static func isMinimalInteger(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        guard range.count > 1 else { return true }
        let first = bytes[range.lowerBound], second = bytes[range.lowerBound + 1]
        return !(first == 0 && second & 0x80 == 0) && !(first == 0xFF && second & 0x80 != 0)
    }

    /// A non-negative INTEGER in its shortest form.
    static func isNonNegativeInteger(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        isMinimalInteger(bytes, range) && bytes[range.lowerBound] & 0x80 == 0
    }

    /// True when the bytes in `range` are `expected`.
    static func equals(_ bytes: [UInt8], _ range: Range<Int>, _ expected: [UInt8]) -> Bool {
        equals(bytes, range, expected, expected.indices)
    }

    /// True when `bytes[range]` and `other[otherRange]` hold the same octets: one `memcmp`
    /// (names, serials, identifiers and OIDs are compared several times per record).
    static func equals(_ bytes: [UInt8], _ range: Range<Int>, _ other: [UInt8], _ otherRange: Range<Int>) -> Bool {
        precondition(range.upperBound <= bytes.count && otherRange.upperBound <= other.count, "range outside the buffer")
        guard range.count == otherRange.count else { return false }
        return bytes.withUnsafeBufferPointer { first in
            other.withUnsafeBufferPointer { second in
                guard let first = first.baseAddress, let second = second.baseAddress else { return range.isEmpty }
                return memcmp(first + range.lowerBound, second + otherRange.lowerBound, range.count) == 0
            }
        }
    }

    /// An AlgorithmIdentifier whose parameters are absent or NULL: its OID's contents.
    static func algorithm(_ cursor: inout DERCursor) -> Range<Int>? {
        guard let sequence = cursor.next(0x30) else { return nil }
        var inner = cursor.inside(sequence)
        guard let oid = inner.next(0x06), isObjectIdentifier(inner.bytes, oid.contents) else { return nil }
        if let parameters = inner.optional(0x05), !parameters.contents.isEmpty { return nil }
        return inner.isAtEnd ? oid.contents : nil
    }
}
