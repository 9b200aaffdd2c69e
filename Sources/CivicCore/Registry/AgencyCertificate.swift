import Foundation

/// What the registry keeps of an agency card's certificate: shown on the 機關(組織)憑證資訊 panel
/// and compared with the card presented for every later change.
public struct AgencyCertificate: Sendable, Hashable, Codable {
    public let kind: AgencyCertificateKind
    /// 機關(組織)OID (the 統一編號 for a 工商憑證).
    public let oid: String
    /// The agency's full name (全銜) as the certificate carries it.
    public let name: String
    public let serialHex: String
    public let subject: String
    public let notBefore: Date
    public let notAfter: Date
    /// Lower-case hex SHA-256 of the DER: how "the registered certificate" is recognised.
    public let sha256: String

    public init(kind: AgencyCertificateKind, oid: String, name: String, serialHex: String, subject: String,
                notBefore: Date, notAfter: Date, sha256: String) {
        self.kind = kind
        self.oid = oid
        self.name = name
        self.serialHex = serialHex
        self.subject = subject
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.sha256 = sha256
    }

    /// The agency certificate `certificate` is, or why it is not one.
    public static func read(_ certificate: CertificateInfo) -> Result<AgencyCertificate, RegistryProblem> {
        guard !certificate.isCA, let oid = agencyOID(of: certificate),
              let kind = AgencyCertificateKind(issuer: certificate.issuer) else {
            return .failure(.notAnAgencyCard)
        }
        let name = certificate.commonName ?? certificate.subject.first("O") ?? ""
        return .success(AgencyCertificate(kind: kind, oid: oid, name: name, serialHex: certificate.serialHex,
                                          subject: certificate.subject.rfc4514, notBefore: certificate.notBefore,
                                          notAfter: certificate.notAfter, sha256: certificate.sha256))
    }

    /// The agency OID of a certificate: the subject's organizationIdentifier (2.5.4.97), as GCA,
    /// XCA, MOEACA and HCA test certificates carry it. The one place another profile (an OID in
    /// an extension, say) would be added. A 自然人憑證's serialNumber (2.5.4.5) is never one.
    public static func agencyOID(of certificate: CertificateInfo) -> String? {
        guard let value = certificate.organizationIdentifier?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }
}

/// What the registry keeps of a 自然人憑證: its serial (what offices register), the holder's
/// name, and the rest of the 授權管理者自然人憑證資訊 panel.
public struct PersonCertificate: Sendable, Hashable, Codable {
    public let serialHex: String
    public let name: String
    public let subject: String
    public let notBefore: Date
    public let notAfter: Date
    public let sha256: String

    public init(serialHex: String, name: String, subject: String, notBefore: Date, notAfter: Date, sha256: String) {
        self.serialHex = serialHex
        self.name = name
        self.subject = subject
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.sha256 = sha256
    }

    /// The 自然人憑證 `certificate` is (its signing certificate), or why it is not one.
    public static func read(_ certificate: CertificateInfo) -> Result<PersonCertificate, RegistryProblem> {
        if AgencyCertificate.agencyOID(of: certificate) != nil || certificate.subject.first("O") != nil {
            return .failure(.agencyCardForPerson)
        }
        guard !certificate.isCA, let name = certificate.commonName else { return .failure(.notAPersonCard) }
        return .success(PersonCertificate(serialHex: certificate.serialHex, name: name, subject: certificate.subject.rfc4514,
                                          notBefore: certificate.notBefore, notAfter: certificate.notAfter,
                                          sha256: certificate.sha256))
    }
}
