import COpenSSL

/// An OpenSSL `STACK_OF(X509)` over certificates this object keeps alive (the stack itself
/// does not own them), for the verification calls that take one.
final class CertificateStack {
    let pointer: OpaquePointer
    private let certificates: [OpenSSLCertificate]

    init(_ certificates: [OpenSSLCertificate]) {
        // OPENSSL_sk_new_null fails only when memory is exhausted.
        guard let stack = OPENSSL_sk_new_null() else { fatalError("OpenSSL could not allocate a stack") }
        for certificate in certificates {
            OPENSSL_sk_push(stack, UnsafeRawPointer(certificate.pointer))
        }
        pointer = stack
        self.certificates = certificates
    }

    deinit {
        OPENSSL_sk_free(pointer)
    }
}
