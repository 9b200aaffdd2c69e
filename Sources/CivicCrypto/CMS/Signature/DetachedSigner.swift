import CivicCore
import COpenSSL
import Foundation

/// Makes a detached CMS SignedData (DER) over some bytes — the submission package's
/// `manifest.json.p7s` (spec §5) — with SHA-256 and RSA PKCS#1 v1.5, carrying the signer's
/// certificate and the signed attributes contentType, messageDigest and signingTime.
///
/// The private key is on a card: OpenSSL assembles the SignerInfo around the certificate's
/// public key only, the DER of the signed attributes goes to `PrivateKeyOperations.signSHA256`,
/// and the signature it returns is set into the structure. The signing time is given (not read
/// from the clock) so a pack made twice at the same time is identical.
public enum DetachedSigner {
    public static func sign(_ content: [UInt8], with key: some PrivateKeyOperations, signingTime: Date) throws -> [UInt8] {
        guard let certificate = OpenSSLCertificate(der: key.certificate.der),
              let publicKey = X509_get0_pubkey(certificate.pointer) else {
            throw CertificateParser.Failure.notACertificate
        }
        defer { withExtendedLifetime(certificate) {} }
        let flags = UInt32(CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP)
        guard let cms = CMS_sign(nil, nil, nil, nil, flags) else { throw failure() }
        defer { CMS_ContentInfo_free(cms) }
        guard let signerInfo = CMS_add1_signer(cms, certificate.pointer, publicKey, EVP_sha256(), flags),
              addAttributes(to: signerInfo, digest: Digest.sha256(content), signingTime: signingTime),
              let attributes = SignerInfoAttributes.der(of: signerInfo, sorted: true) else {
            throw failure()
        }
        let signature = try key.signSHA256(attributes)
        guard let slot = CMS_SignerInfo_get0_signature(signerInfo),
              ASN1_STRING_set(slot, signature, Int32(signature.count)) == 1 else { throw failure() }
        let length = i2d_CMS_ContentInfo(cms, nil)
        guard length > 0 else { throw failure() }
        var der = [UInt8](repeating: 0, count: Int(length))
        der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_CMS_ContentInfo(cms, &cursor)
        }
        return der
    }

    private static func addAttributes(to signerInfo: OpaquePointer, digest: [UInt8], signingTime: Date) -> Bool {
        guard let time = ASN1_TIME_set(nil, time_t(signingTime.timeIntervalSince1970)) else { return false }
        defer { ASN1_TIME_free(time) }
        return CMS_signed_add1_attr_by_NID(signerInfo, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                           UnsafeRawPointer(OBJ_nid2obj(NID_pkcs7_data)), -1) == 1
            && CMS_signed_add1_attr_by_NID(signerInfo, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING,
                                           digest, Int32(digest.count)) == 1
            && CMS_signed_add1_attr_by_NID(signerInfo, NID_pkcs9_signingTime, time.pointee.type, time, -1) == 1
    }

    private static func failure() -> SignatureError {
        ERR_clear_error()
        return SignatureError.cannotAssemble
    }
}

/// Making a signature failed for a reason other than the card's (whose errors pass unchanged).
public enum SignatureError: UserFacingError, Equatable {
    case cannotAssemble

    public var message: UserMessage {
        UserMessage(zh: "無法產生簽章檔（CMS），請再試一次；若仍失敗，請回報這個問題。",
                    en: "The signature file (CMS) could not be made. Try again; if it still fails, report the problem.")
    }
}
