/// What a card in a reader is, decided from its contents (never from the ATR alone): the flows
/// need to tell a person's card from an agency's, and to explain why a 健保卡 cannot sign.
public enum CardKind: String, Sendable, Hashable, CaseIterable {
    /// 自然人憑證: a signing and an encryption certificate of one person.
    case naturalPerson = "natural-person"
    /// 機關憑證, 組織及團體憑證, 工商憑證 …: a certificate of an organisation.
    case agency
    /// 健保卡: identified, but it holds no certificate.
    case healthInsurance = "health-insurance"
    case unknown

    public var name: UserMessage {
        switch self {
        case .naturalPerson: UserMessage(zh: "自然人憑證", en: "Citizen digital certificate card")
        case .agency: UserMessage(zh: "機關或團體憑證", en: "Agency or organisation certificate card")
        case .healthInsurance: UserMessage(zh: "健保卡", en: "National Health Insurance card")
        case .unknown: UserMessage(zh: "無法辨識的卡片", en: "Unrecognised card")
        }
    }

    /// Why this card cannot be used to sign or decrypt; nil when it can.
    public var unusableReason: UserMessage? {
        switch self {
        case .naturalPerson, .agency:
            nil
        case .healthInsurance:
            UserMessage(zh: "這是健保卡，不是憑證卡：健保卡裡沒有可以簽章或解密的憑證。請改插自然人憑證或機關憑證。",
                        en: "This is a National Health Insurance card, not a certificate card: it holds no certificate "
                            + "to sign or decrypt with. Insert a citizen digital certificate or an agency card instead.")
        case .unknown:
            UserMessage(zh: "無法辨識這張卡片：它不是自然人憑證、機關憑證，也不是健保卡。請確認插入的是憑證卡，且晶片朝向正確。",
                        en: "This card is not recognised: it is neither a citizen digital certificate, an agency card "
                            + "nor a health insurance card. Check that you inserted a certificate card, chip first.")
        }
    }
}

/// What a certificate on a card is for.
public enum CertificateRole: String, Sendable, Hashable, CaseIterable {
    /// The holder's signing certificate (digitalSignature, nonRepudiation).
    case signature
    /// The holder's encryption certificate (keyEncipherment): rosters are encrypted to it.
    case encryption
    /// The CA that issued the holder's certificates.
    case issuer
    /// The root CA above the issuer.
    case root
    /// An organisation's certificate on an agency card.
    case agency

    public var name: UserMessage {
        switch self {
        case .signature: UserMessage(zh: "簽章憑證", en: "Signing certificate")
        case .encryption: UserMessage(zh: "加密憑證", en: "Encryption certificate")
        case .issuer: UserMessage(zh: "發證機構憑證", en: "Issuing CA certificate")
        case .root: UserMessage(zh: "根憑證", en: "Root CA certificate")
        case .agency: UserMessage(zh: "機關憑證", en: "Agency certificate")
        }
    }

    /// A certification authority's certificate (carried to complete the chain), not the holder's.
    public var isAuthority: Bool {
        self == .issuer || self == .root
    }
}
