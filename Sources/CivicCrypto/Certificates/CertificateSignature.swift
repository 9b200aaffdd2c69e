import COpenSSL

/// Checks the CA's signature on a certificate over the exact bytes of its tbsCertificate, with
/// EVP: the same test `X509_verify` makes, for certificates decoded without a library context
/// able to verify (`OpenSSLContext.withoutDecoders`).
enum CertificateSignature {
    /// True or false when the certificate's RSA PKCS#1 v1.5 signature (SHA-256/384/512) does
    /// or does not verify with `issuerKey`; nil for other signature algorithms, which the
    /// caller leaves to OpenSSL's full verifier.
    static func verifies(certificate der: [UInt8], issuerKey: OpaquePointer) -> Bool? {
        // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
        guard let (tbs, algorithm, innerAlgorithm, bits) = try? BERReader.parse(der, { reader in
            let certificate = try reader.enter(0x30)
            let tbs = try reader.element(0x30)
            let algorithm = try reader.element(0x30)
            let bits = try reader.bytes(reader.header(0x03).length ?? 0)
            try reader.leave(certificate)
            return (tbs, algorithm, try innerSignatureAlgorithm(of: tbs), bits)
        }) else { return false }
        // The algorithm inside the signed part must be the one used, as RFC 5280 requires.
        guard algorithm == innerAlgorithm, bits.first == 0, let identifier = try? AlgorithmIdentifier(der: algorithm) else { return false }
        guard identifier.hasNoParameters, let digest = OpenSSLContext.digest(ofRSASignature: identifier.oid) else { return nil }
        return OpenSSLContext.rsaVerifies(Array(bits.dropFirst()), over: tbs, digest: digest, publicKey: issuerKey)
    }

    /// TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, … }
    private static func innerSignatureAlgorithm(of tbs: [UInt8]) throws -> [UInt8] {
        let reader = BERReader(bytes: tbs)
        _ = try reader.enter(0x30)
        if try reader.peek() == 0xA0 { try reader.skipElement() }
        try reader.skipElement()
        return try reader.element(0x30)
    }
}
