import CivicCore
import COpenSSL
import Foundation

/// A certificate's standing against the trust anchors at a given time, as the readers page
/// shows it.
public enum ChainStatus: Sendable, Equatable {
    /// Trusted and within its validity, as are its issuers; the chain runs from the certificate
    /// to the anchor.
    case valid(chain: [CertificateInfo])
    /// The certificate (or an issuer in its chain, the one given) had expired at the time.
    case expired(CertificateInfo)
    /// The certificate (or an issuer in its chain) was not yet valid at the time.
    case notYetValid(CertificateInfo)
    case untrusted(UntrustedReason)

    public enum UntrustedReason: Sendable, Equatable {
        /// No chain to a configured trust anchor.
        case unknownIssuer
        /// A signature in the chain does not verify.
        case invalidSignature
        /// An issuer may not issue certificates (not a CA, no keyCertSign, path too long), or
        /// the certificate has an extension that forbids its use.
        case caConstraints
        /// Any other reason OpenSSL gives, in its words.
        case other(String)
    }

    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }

    init(verifyError error: Int32, certificate: CertificateInfo?) {
        switch error {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            self = certificate.map { .expired($0) } ?? .untrusted(.other("expired"))
        case X509_V_ERR_CERT_NOT_YET_VALID:
            self = certificate.map { .notYetValid($0) } ?? .untrusted(.other("not yet valid"))
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            self = .untrusted(.unknownIssuer)
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
            self = .untrusted(.invalidSignature)
        case X509_V_ERR_INVALID_CA, X509_V_ERR_PATH_LENGTH_EXCEEDED, X509_V_ERR_KEYUSAGE_NO_CERTSIGN,
             X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION, X509_V_ERR_INVALID_EXTENSION:
            self = .untrusted(.caConstraints)
        default:
            self = .untrusted(.other(String(cString: X509_verify_cert_error_string(Int(error)))))
        }
    }

    public var message: UserMessage {
        switch self {
        case .valid:
            return UserMessage(zh: "憑證有效，且由信任的憑證機構簽發。", en: "The certificate is valid and issued by a trusted authority.")
        case let .expired(certificate):
            let date = Self.day(certificate.notAfter)
            return UserMessage(zh: "憑證「\(Self.name(certificate))」已於 \(date) 到期。請向發卡單位申請新卡或展期。",
                               en: "The certificate “\(Self.name(certificate))” expired on \(date). Apply to the issuer for a new card or a renewal.")
        case let .notYetValid(certificate):
            let date = Self.day(certificate.notBefore)
            return UserMessage(zh: "憑證「\(Self.name(certificate))」要到 \(date) 才生效。請確認電腦的日期與時間是否正確。",
                               en: "The certificate “\(Self.name(certificate))” is not valid until \(date). Check the computer's date and time.")
        case .untrusted(.unknownIssuer):
            return UserMessage(zh: "這張憑證不是由信任的憑證機構簽發，CivicDesk 不會採用它。",
                               en: "This certificate was not issued by a trusted certification authority; CivicDesk will not rely on it.")
        case .untrusted(.invalidSignature):
            return UserMessage(zh: "憑證上的簽章驗證失敗，憑證可能遭到竄改，CivicDesk 不會採用它。",
                               en: "The signature on the certificate does not verify; it may have been altered. CivicDesk will not rely on it.")
        case .untrusted(.caConstraints):
            return UserMessage(zh: "憑證的簽發者無權簽發這張憑證，或憑證含有不允許使用的延伸欄位，CivicDesk 不會採用它。",
                               en: "The certificate's issuer may not issue it, or it has an extension that forbids its use; CivicDesk will not rely on it.")
        case let .untrusted(.other(reason)):
            return UserMessage(zh: "這張憑證無法驗證（\(reason)），CivicDesk 不會採用它。",
                               en: "This certificate cannot be verified (\(reason)); CivicDesk will not rely on it.")
        }
    }

    private static func name(_ certificate: CertificateInfo) -> String {
        certificate.commonName ?? certificate.subject.rfc4514
    }

    /// The day in Taiwan's time zone, `2044-12-31`.
    private static func day(_ date: Date) -> String {
        CivilDate(date).iso
    }
}
