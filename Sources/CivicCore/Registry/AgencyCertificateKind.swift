/// The kind of an agency card's certificate (卡別), decided by the CA that issued it: offices of
/// every kind register through the same flows, but the screens and the registry's records say
/// which certificate an office holds, and a card from any other CA is not an agency's.
public enum AgencyCertificateKind: String, Sendable, Hashable, CaseIterable {
    /// 機關憑證, from the 政府憑證管理中心 (GCA).
    case government
    /// 組織及團體憑證, from the 組織及團體憑證管理中心 (XCA).
    case organisation
    /// 工商憑證, from the 經濟部工商憑證管理中心 (MOEACA).
    case business
    /// 醫事憑證, from the 醫事憑證管理中心 (HCA).
    case medical

    /// The issuing CA's short name, which the CN of its certificate carries
    /// (`CivicDesk TEST 政府憑證管理中心 (GCA)`).
    public var issuingCA: String {
        switch self {
        case .government: "GCA"
        case .organisation: "XCA"
        case .business: "MOEACA"
        case .medical: "HCA"
        }
    }

    public var name: UserMessage {
        switch self {
        case .government: UserMessage(zh: "機關憑證", en: "Government agency certificate")
        case .organisation: UserMessage(zh: "組織及團體憑證", en: "Organisation certificate")
        case .business: UserMessage(zh: "工商憑證", en: "Business certificate")
        case .medical: UserMessage(zh: "醫事憑證", en: "Medical institution certificate")
        }
    }

    /// The kind of a certificate issued by `issuer`: the one whose CA's short name is a word of
    /// the issuer's CN; nil when none is (a 自然人憑證 from MOICA, a CA's own certificate).
    public init?(issuer: DistinguishedName) {
        guard let commonName = issuer.first("CN") else { return nil }
        let words = Set(commonName.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init))
        guard let kind = Self.allCases.first(where: { words.contains($0.issuingCA) }) else { return nil }
        self = kind
    }
}

/// A certificate known to be an agency's: its kind and its agency OID (機關(組織)OID), which the
/// registry compares with the agency directory and records. Made only here, so every flow and
/// display reads the OID the same way.
public struct AgencyCertificate: Sendable, Hashable {
    public let certificate: CertificateInfo
    public let kind: AgencyCertificateKind
    /// The agency OID (`2.16.886.101.20003.20065.20001`); for a 工商憑證, the 統一編號.
    public let oid: String

    /// Why a certificate is not an agency's.
    public enum Problem: UserFacingError, Sendable, Hashable {
        /// Issued by none of the agency CAs (a 自然人憑證, or a CA's own certificate).
        case notFromAgencyCA
        /// From an agency CA, but its subject names no agency OID.
        case noAgencyOID

        public var message: UserMessage {
            switch self {
            case .notFromAgencyCA:
                UserMessage(zh: "這不是機關憑證：它不是由政府、組織及團體、工商或醫事憑證管理中心簽發的。請插入機關（組織）的憑證卡。",
                            en: "This is not an agency certificate: none of the GCA, XCA, MOEACA or HCA issued it. "
                                + "Insert the agency's (organisation's) certificate card.")
            case .noAgencyOID:
                UserMessage(zh: "這張憑證沒有機關(組織)OID，不能當作機關憑證使用。",
                            en: "This certificate carries no agency OID, so it cannot serve as an agency certificate.")
            }
        }
    }

    public init(_ certificate: CertificateInfo) throws(Problem) {
        guard !certificate.isCA, let kind = AgencyCertificateKind(issuer: certificate.issuer) else { throw .notFromAgencyCA }
        guard let oid = Self.agencyOID(of: certificate) else { throw .noAgencyOID }
        self.certificate = certificate
        self.kind = kind
        self.oid = oid
    }

    /// The agency OID a certificate carries, or nil: the only place CivicDesk reads it. Each
    /// profile below is one place a CA may put it, tried in order.
    public static func agencyOID(of certificate: CertificateInfo) -> String? {
        for profile in OIDProfile.allCases {
            if let value = profile.value(in: certificate)?.trimmingSpaces(), !value.isEmpty { return value }
        }
        return nil
    }

    /// Where a certificate profile carries the agency OID. One today: the subject's
    /// organizationIdentifier (2.5.4.97), as `../specs/registry.md` and the test PKI have it (for a
    /// 工商憑證 it holds the 統一編號). A 自然人憑證's serialNumber (2.5.4.5) is a record number,
    /// never an OID: no profile reads it. A CA that puts the OID elsewhere is one more case here.
    enum OIDProfile: CaseIterable {
        case organizationIdentifier

        func value(in certificate: CertificateInfo) -> String? {
            switch self {
            case .organizationIdentifier: certificate.organizationIdentifier
            }
        }
    }
}
