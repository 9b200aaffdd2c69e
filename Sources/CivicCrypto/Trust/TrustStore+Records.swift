import COpenSSL

extension TrustStore {
    /// `chainsIgnoringDates` for a signer certificate read by `CertificateView`, with the
    /// certificates that came with it (itself among them): the same judgement as OpenSSL's path
    /// — the anchors OpenSSL would try as issuers, their key identifiers and CA constraints, one
    /// RSA verification with the anchor's cached key — made on the DER. Nil when OpenSSL must
    /// judge: an anchor OpenSSL finds named as the issuer though it is spelt otherwise (it
    /// compares names in a canonical form), an anchor the fast path cannot use, or
    /// certificates that came along and might complete a chain.
    func chainsIgnoringDates(_ leaf: CertificateView, carried: [CertificateView]) -> Bool? {
        // An unsupported critical extension makes a certificate unusable, as in X509_verify_cert.
        if leaf.extensions.hasUnsupportedCriticalExtension { return false }
        let bytes = leaf.bytes
        guard let named = issuers.firstIndex(where: { DERValue.equals(bytes, leaf.issuer, $0.subjectDER) }) else {
            // No anchor spelt as the issuer. Unless OpenSSL's canonical comparison finds one, or
            // other certificates came along, OpenSSL's path finds no issuer either: untrusted.
            return carried.count > 1 || anchorCanonicallyNamed(Array(bytes[leaf.issuer])) ? nil : false
        }
        let authorityKey = leaf.extensions.authorityKeyIdentifier
        var undecided = false
        for index in issuers[named].sameSubject {
            let issuer = issuers[index]
            if let authorityKey, let keyIdentifier = issuer.keyIdentifier, !DERValue.equals(bytes, authorityKey, keyIdentifier) { continue }
            guard issuer.mayIssue else {
                undecided = true
                continue
            }
            switch issuer.signed(leaf) {
            case true?: return true
            case false?: continue
            case nil: undecided = true
            }
        }
        return undecided || carried.count > 1 ? nil : false
    }

    /// Whether OpenSSL finds an anchor's subject equal to this Name (`X509_NAME_cmp`, on
    /// canonical forms); true when the Name cannot be read, so OpenSSL has the last word.
    private func anchorCanonicallyNamed(_ der: [UInt8]) -> Bool {
        guard let name = OpenSSLName(der: der) else { return true }
        return issuers.contains { X509_NAME_cmp($0.subject, name.pointer) == 0 }
    }

    /// The same judgement through OpenSSL's decoding of the certificates (DER), the leaf being
    /// `carried[leafIndex]` when it came among them.
    func chainsIgnoringDates(der: [UInt8], carried: [[UInt8]], leafIndex: Int?) -> Bool {
        guard let leaf = OpenSSLCertificate(der: der) else { return false }
        let stack = CertificateStack(carried.indices.compactMap { index in
            index == leafIndex ? leaf : OpenSSLCertificate(der: carried[index])
        })
        return withExtendedLifetime((leaf, stack)) {
            chainsIgnoringDates(leaf.pointer, der: der, carried: stack.pointer)
        }
    }
}

extension TrustedIssuer {
    /// Whether this anchor's signature is on `certificate`, as `CertificateSignature.verifies`
    /// answers: nil for signature algorithms other than RSA PKCS#1 v1.5 with SHA-2.
    func signed(_ certificate: CertificateView) -> Bool? {
        let bytes = certificate.bytes
        // The algorithm inside the signed part must be the one used, as RFC 5280 requires.
        guard DERValue.equals(bytes, certificate.signatureAlgorithm, bytes, certificate.innerSignatureAlgorithm) else { return false }
        var algorithm = DERCursor(bytes, within: certificate.signatureAlgorithm)
        guard let oid = DERValue.algorithm(&algorithm) else { return false }
        guard let nid = Self.digests.first(where: { DERValue.equals(bytes, oid, $0.algorithm) })?.nid else { return nil }
        guard let rsaKey else {
            return OpenSSLContext.rsaVerifies(Array(bytes[certificate.signature]), over: Array(bytes[certificate.signedPart]),
                                              digest: OpenSSLContext.digest(nid: nid), publicKey: publicKey)
        }
        return rsaKey.verifies(bytes, signature: certificate.signature, digestNID: nid,
                               digest: Digest.of(nid: nid, bytes, certificate.signedPart))
    }

    /// The signature algorithms `signed` checks, with their digests.
    private static let digests: [(algorithm: [UInt8], nid: Int32)] = [(OID.Contents.sha256WithRSAEncryption, NID_sha256),
                                                                      (OID.Contents.sha384WithRSAEncryption, NID_sha384),
                                                                      (OID.Contents.sha512WithRSAEncryption, NID_sha512)]
}
