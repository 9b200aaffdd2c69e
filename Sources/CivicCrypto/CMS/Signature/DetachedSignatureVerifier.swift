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
/// (`SignedDataView`, `CertificateView`), the signer's key is made from its numbers and checked
/// with `RSA_verify` (`RSAVerificationKey`), and the chain is judged by `TrustStore`'s fast path
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

    /// The fast path alone; nil when the answer is OpenSSL's to give.
    func fastCheck(signature: [UInt8], over content: [UInt8]) -> SignatureCheck? {
        guard let view = SignedDataView(signature) else { return nil }
        guard view.signers.count == 1, let signer = view.signers.first,
              let certificates = view.certificates, !certificates.isEmpty else { return .malformed }
        let certificate: CertificateView
        switch view.signerCertificate(of: signer, among: certificates) {
        case .found(let found): certificate = found
        case .none: return .malformed
        case .undecided: return nil
        }
        let info = certificate.info()
        guard let numbers = certificate.rsaKey,
              let key = RSAVerificationKey(view.bytes, modulus: numbers.modulus, exponent: numbers.exponent),
              signatureVerifies(view, signer, key: key, content: content) else {
            return .badSignature(signer: info)
        }
        let trusted = trustStore.chainsIgnoringDates(certificate, carried: certificates)
            ?? trustStore.chainsIgnoringDates(der: certificate.der, carried: certificates.map(\.der),
                                              leafIndex: certificates.firstIndex { $0.range == certificate.range })
        return .verified(signer: info, chainTrusted: trusted)
    }

    private func signatureVerifies(_ view: SignedDataView, _ signer: SignerInfoView, key: RSAVerificationKey, content: [UInt8]) -> Bool {
        let bytes = view.bytes
        guard DERValue.equals(bytes, signer.digestAlgorithm, OID.Contents.sha256),
              [OID.Contents.rsaEncryption, OID.Contents.sha256WithRSAEncryption].contains(where: {
                  DERValue.equals(bytes, signer.signatureAlgorithm, $0)
              }) else { return false }
        if let embedded = view.embeddedContent, !bytes[embedded].elementsEqual(content) { return false }
        let contentDigest = Digest.sha256(content)
        guard let signedAttributes = signer.signedAttributes else {
            return key.verifies(bytes, signature: signer.signature, digestNID: NID_sha256, digest: contentDigest)
        }
        // messageDigest: one attribute with one OCTET STRING value, the content's digest;
        // contentType, when there, likewise one OID value naming the encapsulated content's type.
        let digests = signer.attributes.filter { DERValue.equals(bytes, $0.type, OID.Contents.messageDigest) }
        guard digests.count == 1, digests[0].values.count == 1, digests[0].values[0].tag == 0x04,
              DERValue.equals(bytes, digests[0].values[0].contents, contentDigest) else { return false }
        let types = signer.attributes.filter { DERValue.equals(bytes, $0.type, OID.Contents.contentType) }
        if !types.isEmpty {
            guard types.count == 1, types[0].values.count == 1, types[0].values[0].tag == 0x06,
                  bytes[types[0].values[0].contents].elementsEqual(bytes[view.contentType]) else { return false }
        }
        // The signature covers the attributes' DER as a SET: the [0] element retagged.
        var attributes = Array(bytes[signedAttributes])
        attributes[0] = 0x31
        return key.verifies(bytes, signature: signer.signature, digestNID: NID_sha256, digest: Digest.sha256(attributes))
    }
}
