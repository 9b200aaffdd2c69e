import COpenSSL

/// Owns one OpenSSL `X509_NAME*` decoded from DER (an issuer named in a CMS structure), so it
/// can be compared with a certificate's names the way OpenSSL compares them.
final class OpenSSLName {
    let pointer: OpaquePointer

    init?(der: [UInt8]) {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_X509_NAME(nil, &cursor, buffer.count)
        }
        guard let decoded else {
            ERR_clear_error()
            return nil
        }
        pointer = decoded
    }

    deinit {
        X509_NAME_free(pointer)
    }

    /// The DER of an `X509_NAME*` (for a name decoded from DER, the bytes it was read from).
    static func der(of name: OpaquePointer) -> [UInt8] {
        let length = i2d_X509_NAME(name, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509_NAME(name, &cursor)
        }
        return bytes
    }
}
