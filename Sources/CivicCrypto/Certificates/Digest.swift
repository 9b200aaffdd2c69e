import COpenSSL
import COpenSSLShim

/// SHA-256 through OpenSSL, one-shot or streamed (files and payloads too large to hold).
public struct Digest {
    private let context: OpaquePointer

    public init() {
        // EVP_MD_CTX_new only fails when memory is exhausted, where nothing else will work either.
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        self.context = context
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest; the context is freed and must not be used again.
    public consuming func finish() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &length)
        EVP_MD_CTX_free(context)
        return Array(output.prefix(Int(length)))
    }

    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { of(nid: NID_sha256, $0) }
    }

    /// The SHA-256, -384 or -512 digest (by NID) of bytes in memory, in one call straight to
    /// the implementation (no EVP context or algorithm fetch: records need three per check).
    static func of(nid: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 64)
        let length = output.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { civic_digest(nid, bytes.baseAddress, bytes.count, $0) } ?? 0
        }
        output.removeLast(64 - length)
        return output
    }

    /// The digest of `range` of `bytes`.
    static func of(nid: Int32, _ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { of(nid: nid, UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(sha256(bytes))
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
