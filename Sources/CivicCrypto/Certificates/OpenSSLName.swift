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
}
