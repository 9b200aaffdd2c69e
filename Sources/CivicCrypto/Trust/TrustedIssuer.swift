import COpenSSL

/// What the fast path needs of an anchor, worked out once.
struct TrustedIssuer {
    let certificate: OpenSSLCertificate
    let subject: OpaquePointer
    let publicKey: OpaquePointer
    let keyIdentifier: [UInt8]?
    /// A CA that may sign certificates (keyCertSign, or no keyUsage) and has no name
    /// constraints, which only the full verifier applies.
    let mayIssue: Bool

    /// The subject Name's DER, and the anchors (indexes, this one included) whose subject
    /// OpenSSL finds equal to it (`X509_NAME_cmp`, which compares canonical forms).
    let subjectDER: [UInt8]
    private(set) var sameSubject: [Int] = []
    /// The key, checked once per record it issued; nil for a key of another kind.
    let rsaKey: RSAVerificationKey?

    /// The anchors' issuers, with `sameSubject` worked out.
    static func all(_ certificates: [OpenSSLCertificate]) -> [TrustedIssuer] {
        var issuers = certificates.compactMap(TrustedIssuer.init)
        for index in issuers.indices {
            issuers[index].sameSubject = issuers.indices.filter { X509_NAME_cmp(issuers[$0].subject, issuers[index].subject) == 0 }
        }
        return issuers
    }

    /// Nil for a certificate whose public key OpenSSL cannot read (refused when loading).
    private init?(_ certificate: OpenSSLCertificate) {
        guard let publicKey = X509_get0_pubkey(certificate.pointer) else { return nil }
        self.certificate = certificate
        subject = X509_get_subject_name(certificate.pointer)
        self.publicKey = publicKey
        keyIdentifier = certificate.subjectKeyIdentifier
        subjectDER = OpenSSLName.der(of: subject)
        rsaKey = RSAVerificationKey(publicKey: publicKey)
        let usage = certificate.keyUsage
        mayIssue = (usage == nil || usage?.contains(.keyCertSign) == true)
            && X509_get_ext_by_NID(certificate.pointer, NID_name_constraints, -1) < 0
    }
}
