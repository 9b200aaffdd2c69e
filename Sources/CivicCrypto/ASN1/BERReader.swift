import COpenSSL

/// Why a BER structure could not be read: the bytes stopped early, or they are not valid BER.
enum BERError: Error, Equatable {
    case truncated
    case malformed
}

/// The identifier and length octets of one BER element.
struct BERHeader: Equatable {
    /// The identifier octet (class, constructed bit, tag number below 31).
    let tag: UInt8
    /// Nil for the indefinite length (`0x80`), which ends with two zero octets.
    let length: Int64?
    /// The first length octet as read: the length itself below 0x80, 0x80 for the indefinite
    /// length, else 0x80 plus the number of length octets after it (BER allows leading zeros).
    let firstLengthOctet: UInt8

    var isConstructed: Bool { tag & 0x20 != 0 }

    /// Appends the identifier and length octets exactly as they were read.
    func appendEncoded(to bytes: inout [UInt8]) {
        bytes.append(tag)
        bytes.append(firstLengthOctet)
        guard firstLengthOctet > 0x80, let length else { return }
        let octets = Int(firstLengthOctet & 0x7F)
        for index in stride(from: octets - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: length >> (8 * index)))
        }
    }
}

/// An element being read child by child: where it ends, or nil until its end-of-contents octets.
struct BERContainer {
    let end: Int64?
}

/// Reads BER (DER included) from a `ByteSource` without holding more than one buffer of it:
/// headers, containers entered and left, small elements copied out, and large primitive
/// contents streamed through. Indefinite lengths and constructed strings, which `openssl cms
/// -stream` writes, are handled. One reader per thread.
final class BERReader {
    static let elementLimit = 4 << 20
    private static let depthLimit = 64

    private let source: ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    /// Offset of the next byte within the decoded stream.
    private(set) var position: Int64 = 0

    init(source: ByteSource, bufferSize: Int = 256 * 1024) {
        self.source = source
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 64), alignment: 16)
    }

    /// A reader over bytes already in memory.
    convenience init(bytes: [UInt8]) {
        self.init(source: MemoryByteSource(bytes), bufferSize: min(max(bytes.count, 64), 64 * 1024))
    }

    /// Reads one complete element held in memory with `body`, which must use all of it. Running
    /// out of bytes here means the element is malformed, not that a file was cut short.
    static func parse<T>(_ bytes: [UInt8], _ body: (BERReader) throws -> T) throws -> T {
        let reader = BERReader(bytes: bytes)
        do {
            let result = try body(reader)
            guard try reader.atEnd() else { throw BERError.malformed }
            return result
        } catch BERError.truncated {
            throw BERError.malformed
        }
    }

    deinit {
        buffer.deallocate()
    }

    var filePosition: Int64 { source.filePosition }

    /// The largest slice `stream` hands over at once.
    var bufferSize: Int { buffer.count }

    // MARK: Bytes

    /// True when at least `count` bytes (at most the buffer size) are buffered; false at the end.
    private func fill(_ count: Int) throws -> Bool {
        if end - start >= count { return true }
        if start > 0, let base = buffer.baseAddress {
            memmove(base, base + start, end - start)
            end -= start
            start = 0
        }
        while end < count, !sourceEnded {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if read == 0 { sourceEnded = true } else { end += read }
        }
        return end >= count
    }

    /// The next byte without consuming it; nil at the end of the input.
    func peek() throws -> UInt8? {
        try fill(1) ? buffer[start] : nil
    }

    /// True when the input has no more bytes.
    func atEnd() throws -> Bool {
        try peek() == nil
    }

    private func byte() throws -> UInt8 {
        guard try fill(1) else { throw BERError.truncated }
        let value = buffer[start]
        start += 1
        position += 1
        return value
    }

    /// Hands `count` bytes to `body` in slices of the buffer, without copying them.
    func stream(_ count: Int64, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var remaining = count
        while remaining > 0 {
            guard try fill(1) else { throw BERError.truncated }
            let take = Int(min(Int64(end - start), remaining))
            try body(UnsafeRawBufferPointer(rebasing: buffer[start..<start + take]))
            start += take
            position += Int64(take)
            remaining -= Int64(take)
        }
    }

    func bytes(_ count: Int64) throws -> [UInt8] {
        guard count <= Self.elementLimit else { throw BERError.malformed }
        var result = [UInt8]()
        result.reserveCapacity(Int(count))
        try stream(count) { result.append(contentsOf: $0) }
        return result
    }

    // MARK: Elements

    func header() throws -> BERHeader {
        let tag = try byte()
        // High tag numbers never occur in the structures read here.
        guard tag & 0x1F != 0x1F else { throw BERError.malformed }
        let first = try byte()
        if first < 0x80 { return BERHeader(tag: tag, length: Int64(first), firstLengthOctet: first) }
        if first == 0x80 {
            guard tag & 0x20 != 0 else { throw BERError.malformed }
            return BERHeader(tag: tag, length: nil, firstLengthOctet: first)
        }
        let octets = Int(first & 0x7F)
        guard octets <= 7 else { throw BERError.malformed }
        var length: Int64 = 0
        for _ in 0..<octets {
            length = length << 8 | Int64(try byte())
        }
        return BERHeader(tag: tag, length: length, firstLengthOctet: first)
    }

    /// Reads a header, which must have `tag`.
    func header(_ tag: UInt8) throws -> BERHeader {
        let header = try header()
        guard header.tag == tag else { throw BERError.malformed }
        return header
    }

    /// Enters a constructed element with `tag`; read its children, then `leave` it.
    func enter(_ tag: UInt8) throws -> BERContainer {
        container(of: try header(tag))
    }

    func container(of header: BERHeader) -> BERContainer {
        BERContainer(end: header.length.map { position + $0 })
    }

    /// True while `container` has children left to read.
    func hasMore(in container: BERContainer) throws -> Bool {
        if let end = container.end {
            guard position <= end else { throw BERError.malformed }
            return position < end
        }
        guard try fill(2) else { throw BERError.truncated }
        return !(buffer[start] == 0 && buffer[start + 1] == 0)
    }

    /// Checks that `container` is complete and steps past its end.
    func leave(_ container: BERContainer) throws {
        if let end = container.end {
            guard position == end else { throw BERError.malformed }
            return
        }
        guard try byte() == 0, try byte() == 0 else { throw BERError.malformed }
    }

    /// The whole next element, header included, however its lengths are encoded.
    func element() throws -> [UInt8] {
        var copy: [UInt8]? = []
        try walkElement(into: &copy, depth: 0)
        return copy ?? []
    }

    /// The next element, which must have `tag`, header included.
    func element(_ tag: UInt8) throws -> [UInt8] {
        guard try peek() == tag else { throw try atEnd() ? BERError.truncated : BERError.malformed }
        return try element()
    }

    /// Steps over the next element whatever its size, keeping nothing.
    func skipElement() throws {
        var none: [UInt8]?
        try walkElement(into: &none, depth: 0)
    }

    private func walkElement(into copy: inout [UInt8]?, depth: Int) throws {
        guard depth < Self.depthLimit else { throw BERError.malformed }
        let header = try header()
        if copy != nil { header.appendEncoded(to: &copy!) }
        guard let length = header.length else {
            while try hasMore(in: BERContainer(end: nil)) {
                try walkElement(into: &copy, depth: depth + 1)
            }
            try leave(BERContainer(end: nil))
            copy?.append(0)
            copy?.append(0)
            return
        }
        if copy == nil {
            try stream(length) { _ in }
        } else {
            guard (copy?.count ?? 0) + Int(clamping: length) <= Self.elementLimit else { throw BERError.malformed }
            try stream(length) { copy?.append(contentsOf: $0) }
        }
    }

    /// Streams the contents of a string element whose header was just read: a primitive one
    /// directly, a constructed one (BER) segment by segment.
    func streamString(_ header: BERHeader, segmentTag: UInt8 = 0x04, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try streamString(header, segmentTag: segmentTag, depth: 0, body)
    }

    private func streamString(_ header: BERHeader, segmentTag: UInt8, depth: Int,
                              _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard depth < Self.depthLimit else { throw BERError.malformed }
        guard header.isConstructed else {
            guard let length = header.length else { throw BERError.malformed }
            try stream(length, body)
            return
        }
        let container = container(of: header)
        while try hasMore(in: container) {
            let segment = try self.header()
            guard segment.tag & ~0x20 == segmentTag else { throw BERError.malformed }
            try streamString(segment, segmentTag: segmentTag, depth: depth + 1, body)
        }
        try leave(container)
    }

    // MARK: Values

    /// An OCTET STRING (or an implicitly tagged one with `tag`), primitive or constructed.
    func octetString(_ tag: UInt8 = 0x04) throws -> [UInt8] {
        let header = try header()
        guard header.tag & ~0x20 == tag else { throw BERError.malformed }
        var result: [UInt8] = []
        try streamString(header) { chunk in
            guard result.count + chunk.count <= Self.elementLimit else { throw BERError.malformed }
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// An OBJECT IDENTIFIER in dotted form (`1.2.840.113549.1.7.3`).
    func objectIdentifier() throws -> String {
        let encoded = try element(0x06)
        return try OID.dotted(der: encoded)
    }

    /// A non-negative INTEGER's magnitude, big-endian without leading zeros (RSA numbers).
    func unsignedInteger() throws -> [UInt8] {
        let header = try header(0x02)
        guard let length = header.length, length >= 1 else { throw BERError.malformed }
        let octets = try bytes(length)
        guard octets[0] & 0x80 == 0 else { throw BERError.malformed }
        return Array(octets.drop { $0 == 0 })
    }

    /// A small non-negative INTEGER (versions, tag lengths).
    func smallInteger() throws -> Int {
        let header = try header(0x02)
        guard let length = header.length, length >= 1, length <= 4 else { throw BERError.malformed }
        let octets = try bytes(length)
        guard octets[0] & 0x80 == 0 else { throw BERError.malformed }
        return octets.reduce(0) { $0 << 8 | Int($1) }
    }
}
