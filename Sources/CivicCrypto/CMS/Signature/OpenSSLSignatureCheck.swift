import CivicCore
import COpenSSL

/// The record check made through OpenSSL's own decoding of the SignedData and its certificates
/// (`d2i_CMS_ContentInfo`, `d2i_X509`), for the signatures `DetachedSignatureVerifier`'s DER
/// reading leaves to it: the reference whose answers the fast path gives.
///
/// The CMS is decoded in a context without OpenSSL 3.0's slow public-key decoders
/// (`OpenSSLContext.withoutDecoders`); the signer's key is built from its modulus and exponent;
/// the signature is checked with EVP directly (not `CMS_verify`) and the chain with
/// `TrustStore`'s fast path over OpenSSL's certificates (about 136 µs a record).
struct OpenSSLSignatureCheck {
    let trustStore: TrustStore

    func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck {
        defer { ERR_clear_error() }
        guard let cms = Self.decode(signature) else { return .malformed }
        defer { CMS_ContentInfo_free(cms) }
        guard OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed,
              let signerInfos = CMS_get0_SignerInfos(cms), OPENSSL_sk_num(signerInfos) == 1,
              let signerInfo = OPENSSL_sk_value(signerInfos, 0).map(OpaquePointer.init),
              let certificates = CMS_get1_certs(cms) else { return .malformed }
        defer { Self.free(certificates) }
        let signer = (0..<OPENSSL_sk_num(certificates))
            .compactMap { OPENSSL_sk_value(certificates, $0).map(OpaquePointer.init) }
            .first { CMS_SignerInfo_cert_cmp(signerInfo, $0) == 0 }
        guard let signer else { return .malformed }
        let der = OpenSSLCertificate.der(of: signer)
        X509_up_ref(signer)
        let info = OpenSSLCertificate(owning: signer).info(der: der)
        guard let publicKey = OpenSSLPublicKey(rsaOf: signer),
              signatureVerifies(cms, signerInfo, publicKey: publicKey.pointer, content: content) else {
            return .badSignature(signer: info)
        }
        return .verified(signer: info, chainTrusted: trustStore.chainsIgnoringDates(signer, der: der, carried: certificates))
    }

    private func signatureVerifies(_ cms: OpaquePointer, _ signerInfo: OpaquePointer, publicKey: OpaquePointer, content: [UInt8]) -> Bool {
        var digestAlgorithm: UnsafeMutablePointer<X509_ALGOR>?
        var signatureAlgorithm: UnsafeMutablePointer<X509_ALGOR>?
        CMS_SignerInfo_get0_algs(signerInfo, nil, nil, &digestAlgorithm, &signatureAlgorithm)
        guard let digestAlgorithm, let signatureAlgorithm,
              OBJ_obj2nid(digestAlgorithm.pointee.algorithm) == NID_sha256,
              [NID_rsaEncryption, NID_sha256WithRSAEncryption].contains(OBJ_obj2nid(signatureAlgorithm.pointee.algorithm)),
              embeddedContentMatches(cms, content),
              let signature = CMS_SignerInfo_get0_signature(signerInfo) else { return false }
        let signatureBytes = OpenSSLCertificate.bytes(signature)
        guard SignerInfoAttributes.present(in: signerInfo) else {
            return OpenSSLContext.rsaVerifies(signatureBytes, over: content, digest: OpenSSLContext.sha256, publicKey: publicKey)
        }
        guard let digest = CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING),
              OpenSSLCertificate.bytes(digest.assumingMemoryBound(to: ASN1_OCTET_STRING.self)) == Digest.sha256(content),
              contentTypeAttributeMatches(cms, signerInfo),
              let attributes = SignerInfoAttributes.der(of: signerInfo, sorted: false) else { return false }
        return OpenSSLContext.rsaVerifies(signatureBytes, over: attributes, digest: OpenSSLContext.sha256, publicKey: publicKey)
    }

    /// A SignedData made with `-nodetach` carries the content: it must be the content checked.
    private func embeddedContentMatches(_ cms: OpaquePointer, _ content: [UInt8]) -> Bool {
        guard let slot = CMS_get0_content(cms), let embedded = slot.pointee else { return true }
        return OpenSSLCertificate.bytes(embedded) == content
    }

    /// The contentType attribute, when there, must name the encapsulated content's type.
    private func contentTypeAttributeMatches(_ cms: OpaquePointer, _ signerInfo: OpaquePointer) -> Bool {
        guard let attribute = CMS_signed_get0_data_by_OBJ(signerInfo, OBJ_nid2obj(NID_pkcs9_contentType), -3, V_ASN1_OBJECT) else {
            return CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_contentType, -1) < 0
        }
        return OBJ_cmp(OpaquePointer(attribute), CMS_get0_eContentType(cms)) == 0
    }

    /// A CMS ContentInfo from exactly these bytes (nothing may follow it). Decoded with
    /// `ASN1_item_d2i_ex` in the context without decoders, which reaches only the public keys
    /// (the certificates come without them); `d2i_CMS_ContentInfo` would also give the
    /// certificates that context, where OpenSSL cannot hash them and then withholds their
    /// keyUsage and CA flags.
    private static func decode(_ der: [UInt8]) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            guard let cms = ASN1_item_d2i_ex(nil, &cursor, buffer.count, CMS_ContentInfo_it(), OpenSSLContext.withoutDecoders, nil) else {
                return nil
            }
            guard let cursor, let base = buffer.baseAddress, cursor - base == buffer.count else {
                CMS_ContentInfo_free(cms)
                return nil
            }
            return cms
        }
    }

    /// Frees a `STACK_OF(X509)` from `CMS_get1_certs` and the references it holds.
    private static func free(_ certificates: OpaquePointer) {
        for index in 0..<OPENSSL_sk_num(certificates) {
            X509_free(OPENSSL_sk_value(certificates, index).map(OpaquePointer.init))
        }
        OPENSSL_sk_free(certificates)
    }
}
