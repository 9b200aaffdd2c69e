/// The kind of an agency card's certificate (卡別), decided by the CA that issued it: offices of
/// every kind register through the same flows, but the screens and the registry's records say
/// which certificate an office holds, and a card from any other CA is not an agency's.
public enum AgencyCertificateKind: String, Sendable, Hashable, CaseIterable, Codable {
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
