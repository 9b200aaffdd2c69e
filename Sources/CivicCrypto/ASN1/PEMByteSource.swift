import COpenSSL

/// The DER inside PEM armour (`-----BEGIN CMS-----` … `-----END CMS-----`), base64-decoded by
/// OpenSSL as it is read, so a PEM batch file is never held in memory either.
final class PEMByteSource: ByteSource {
    /// Where the armour starts and which label it has, found in the first bytes of a file.
    struct Armour: Equatable {
        let label: String
        /// Offset of the first base64 line.
        let bodyOffset: Int
    }

    /// The armour at the start of `prefix` (after optional whitespace), or nil when the bytes do
    /// not start with `-----BEGIN `.
    static func armour(at prefix: [UInt8]) -> Armour? {
        let begin = Array("-----BEGIN ".utf8)
        let dashes = Array("-----".utf8)
        guard let first = prefix.firstIndex(where: { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }),
              prefix[first...].starts(with: begin) else { return nil }
        let labelStart = first + begin.count
        guard let labelEnd = firstIndex(of: dashes, in: prefix, from: labelStart),
              let newline = prefix[labelEnd...].firstIndex(of: 0x0A) else { return nil }
        return Armour(label: String(decoding: prefix[labelStart..<labelEnd], as: UTF8.self), bodyOffset: newline + 1)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        // A file that ends inside the BEGIN line leaves no room for the dashes after the label.
        guard start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    private let file: ByteSource
    private let context: OpaquePointer
    private var encoded: [UInt8]
    private var decoded: [UInt8]
    private var decodedStart = 0
    private var decodedEnd = 0
    private var finished = false

    /// `file` must be positioned at the first base64 line.
    init(file: ByteSource, chunkSize: Int = 64 * 1024) {
        // EVP_ENCODE_CTX_new fails only when memory is exhausted.
        guard let context = EVP_ENCODE_CTX_new() else { fatalError("OpenSSL could not allocate a base64 context") }
        EVP_DecodeInit(context)
        self.file = file
        self.context = context
        encoded = [UInt8](repeating: 0, count: chunkSize)
        decoded = [UInt8](repeating: 0, count: chunkSize / 4 * 3 + 128)
    }

    deinit {
        EVP_ENCODE_CTX_free(context)
    }

    var filePosition: Int64 { file.filePosition }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while decodedStart == decodedEnd {
            if finished { return 0 }
            try decodeNextChunk()
        }
        let count = min(buffer.count, decodedEnd - decodedStart)
        decoded.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[decodedStart..<decodedStart + count]))
        }
        decodedStart += count
        return count
    }

    private func decodeNextChunk() throws {
        let count = try encoded.withUnsafeMutableBytes { try file.read(into: $0) }
        var length: Int32 = 0
        var status: Int32
        if count == 0 {
            // The file ended without its END line: a base64 group left open means it was cut.
            finished = true
            guard EVP_DecodeFinal(context, &decoded, &length) >= 0 else {
                ERR_clear_error()
                throw BERError.truncated
            }
            status = 1
        } else {
            status = EVP_DecodeUpdate(context, &decoded, &length, encoded, Int32(count))
            if status == 0 {
                // The END line (or the padding before it) was reached: take what is left.
                var tail: Int32 = 0
                status = decoded.withUnsafeMutableBufferPointer { buffer in
                    EVP_DecodeFinal(context, buffer.baseAddress.map { $0 + Int(length) }, &tail)
                }
                length += tail
                finished = true
            }
        }
        guard status >= 0 else {
            ERR_clear_error()
            throw BERError.malformed
        }
        decodedStart = 0
        decodedEnd = Int(length)
    }
}
