/// An agency card's kind follows the CA that issued it (specs/registry.md): the window and the
/// command line name the card the way its holder knows it.
public enum AgencyCertificateKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 機關憑證, from the GCA.
    case government
    /// 組織及團體憑證, from the XCA.
    case organisation
    /// 工商憑證, from the MOEACA.
    case business
    /// 醫事憑證, from the HCA.
    case medical

    public var name: UserMessage {
        switch self {
        case .government: UserMessage(zh: "機關憑證", en: "Government agency certificate")
        case .organisation: UserMessage(zh: "組織及團體憑證", en: "Organisation certificate")
        case .business: UserMessage(zh: "工商憑證", en: "Business certificate")
        case .medical: UserMessage(zh: "醫事憑證", en: "Medical institution certificate")
        }
    }

    /// The kind of a certificate issued by `issuer`, judged by the issuing CA's CN; nil for any
    /// other CA (MOICA's 自然人憑證 among them).
    public init?(issuer: DistinguishedName) {
        let name = (issuer.first("CN") ?? "").uppercased()
        // MOEACA before the shorter names it contains none of; XCA before GCA is not needed.
        if name.contains("MOEACA") {
            self = .business
        } else if name.contains("XCA") {
            self = .organisation
        } else if name.contains("GCA") && !name.contains("GRCA") {
            self = .government
        } else if name.contains("HCA") {
            self = .medical
        } else {
            return nil
        }
    }
}
