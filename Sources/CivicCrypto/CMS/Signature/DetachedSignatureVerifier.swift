import CivicCore
import COpenSSL

/// Checks the roster's record signatures (spec §2–§3): `signature` is a DER CMS SignedData with
/// exactly one signer, SHA-256 with RSA PKCS#1 v1.5, carrying the signer certificate, detached
/// over `content` (an embedded copy of the content must equal `content`). Signed attributes may
/// be present (the signature covers them and their messageDigest covers the content) or absent
/// (the signature covers the content).
///
/// Made for ~300,000 checks per import on all cores, so a record costs little more than its two
/// RSA verifications: the SignedData and its certificate are read straight from the DER
/// (`SignedDataView`, `CertificateView`), the signer's key is checked straight from its
/// numbers (`RSAVerificationKey`), and the chain is judged by `TrustStore`'s fast path
/// against the anchors' cached keys. Whatever those strict readings do not vouch for — BER,
/// unusual certificates or attributes, names OpenSSL might compare otherwise — is checked the
/// slower way through OpenSSL's own decoding (`OpenSSLSignatureCheck`), which has the last word
/// and gives the same answers. Stateless and safe to use from many threads at once.
public final class DetachedSignatureVerifier: DetachedSignatureVerifying, Sendable {
    public let trustStore: TrustStore

    public init(trustStore: TrustStore) {
        self.trustStore = trustStore
    }

    public func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck {
        fastCheck(signature: signature, over: content)
            ?? OpenSSLSignatureCheck(trustStore: trustStore).check(signature: signature, over: content)
    }

    /// `check` reduced to what the record rules read; on the fast path the signer's
    /// `CertificateInfo` is never made.
    public func verdict(signature: [UInt8], over content: [UInt8]) -> SignatureVerdict {
        fastVerdict(signature: signature, over: content)
            ?? SignatureVerdict(OpenSSLSignatureCheck(trustStore: trustStore).check(signature: signature, over: content))
    }

    /// The fast path alone; nil when the answer is OpenSSL's to give.
    func fastCheck(signature: [UInt8], over content: [UInt8]) -> SignatureCheck? {
        switch fastOutcome(signature: signature, over: content) {
        case nil: nil
        case .malformed?: .malformed
        case .badSignature(let signer)?: .badSignature(signer: signer.info())
        case .verified(let signer, let chainTrusted)?: .verified(signer: signer.info(), chainTrusted: chainTrusted)
        }
    }

    /// `fastCheck` reduced to the verdict.
    func fastVerdict(signature: [UInt8], over content: [UInt8]) -> SignatureVerdict? {
        switch fastOutcome(signature: signature, over: content) {
        case nil: nil
        case .malformed?: .malformed
        case .badSignature?: .badSignature
        case .verified(let signer, let chainTrusted)?: .verified(signer: signer.signerFacts(), chainTrusted: chainTrusted)
        }
    }

    /// What the fast path established, the signer certificate as read from the DER.
    private enum FastOutcome {
        case malformed
        case badSignature(CertificateView)
        case verified(CertificateView, chainTrusted: Bool)
    }

    private func fastOutcome(signature: [UInt8], over content: [UInt8]) -> FastOutcome? {
        guard let view = SignedDataView(signature) else { return nil }
        guard view.signers.count == 1, let signer = view.signers.first,
              let certificates = view.certificates, !certificates.isEmpty else { return .malformed }
        let certificate: CertificateView
        switch view.signerCertificate(of: signer, among: certificates) {
        case .found(let found): certificate = found
        case .none: return .malformed
        case .undecided: return nil
        }
        guard let key = certificate.rsaKey, signatureVerifies(view, signer, key: key, content: content) else {
            return .badSignature(certificate)
        }
        let trusted = trustStore.chainsIgnoringDates(certificate, carried: certificates)
            ?? trustStore.chainsIgnoringDates(der: certificate.der, carried: certificates.map(\.der),
                                              leafIndex: certificates.firstIndex { $0.range == certificate.range })
        return .verified(certificate, chainTrusted: trusted)
    }

    private func signatureVerifies(_ view: SignedDataView, _ signer: SignerInfoView,
                                   key: (modulus: Range<Int>, exponent: Range<Int>), content: [UInt8]) -> Bool {
        let bytes = view.bytes
        func keySigned(_ digest: [UInt8]) -> Bool {
            RSAVerificationKey.verifies(bytes, modulus: key.modulus, exponent: key.exponent, signature: signer.signature,
                                        digestNID: NID_sha256, digest: digest)
        }
        guard DERValue.equals(bytes, signer.digestAlgorithm, OID.Contents.sha256),
              DERValue.equals(bytes, signer.signatureAlgorithm, OID.Contents.rsaEncryption)
                || DERValue.equals(bytes, signer.signatureAlgorithm, OID.Contents.sha256WithRSAEncryption) else { return false }
        if let embedded = view.embeddedContent, !DERValue.equals(bytes, embedded, content) { return false }
        let contentDigest = Digest.sha256(content)
        guard let signedAttributes = signer.signedAttributes else {
            return keySigned(contentDigest)
        }
        // messageDigest: one attribute with one OCTET STRING value, the content's digest;
        // contentType, when there, likewise one OID value naming the encapsulated content's type.
        guard let digest = signer.onlyAttribute(OID.Contents.messageDigest, in: bytes), let value = digest?.singleValue,
              value.tag == 0x04, DERValue.equals(bytes, value.contents, contentDigest) else { return false }
        guard let type = signer.onlyAttribute(OID.Contents.contentType, in: bytes) else { return false }
        if let type {
            guard let value = type.singleValue, value.tag == 0x06,
                  DERValue.equals(bytes, value.contents, bytes, view.contentType) else { return false }
        }
        // The signature covers the attributes' DER as a SET: the [0] element retagged.
        var attributes = Array(bytes[signedAttributes])
        attributes[0] = 0x31
        return keySigned(Digest.sha256(attributes))
    }
}
