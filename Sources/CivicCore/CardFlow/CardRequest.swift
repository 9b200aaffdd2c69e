/// Which card a step of a wizard asks for, and the words that go with it: the roster wants the
/// lead person's 自然人憑證 for its encryption certificate, the registry an agency's card and then
/// an administrator's, a document its signer's. One card step serves them all with this.
public struct CardRequest: Sendable, Equatable {
    /// The kind of card wanted: `.naturalPerson` or `.agency`.
    public let kind: CardKind
    /// The certificate whose key the work uses: `.encryption` to decrypt, `.signature` or
    /// `.agency` to sign.
    public let certificate: CertificateRole
    /// The card step's heading while no card is in: 請插入領銜人的自然人憑證.
    public let insertTitle: UserMessage
    /// What to do while no card is in: 請將領銜人的自然人憑證插入讀卡機。
    public let absent: UserMessage
    /// Said of a certificate card of the other kind (an agency's where a person's is asked, or
    /// the reverse).
    public let otherKind: UserMessage

    public init(kind: CardKind, certificate: CertificateRole, insertTitle: UserMessage, absent: UserMessage,
                otherKind: UserMessage) {
        self.kind = kind
        self.certificate = certificate
        self.insertTitle = insertTitle
        self.absent = absent
        self.otherKind = otherKind
    }

    /// The certificate the work needs on a card of the wanted kind, as read without the PIN;
    /// nil when the card has none.
    public func certificate(on contents: CardContents) -> CertificateInfo? {
        switch certificate {
        case .encryption: contents.encryptionCertificate
        case .signature, .agency: contents.signingCertificate
        case .issuer, .root: contents.certificate(certificate)
        }
    }
}

extension CardRequest {
    /// A person's 自然人憑證, named by who holds it (`whose`: 領銜人的, 管理者的, or empty).
    public static func naturalPerson(whose: UserMessage = UserMessage(zh: "", en: ""), certificate: CertificateRole = .signature,
                                     otherKind: UserMessage? = nil) -> CardRequest {
        let person = whose.en.isEmpty ? "" : "\(whose.en) "
        return CardRequest(
            kind: .naturalPerson, certificate: certificate,
            insertTitle: UserMessage(zh: "請插入\(whose.zh)自然人憑證", en: "Insert the \(person)citizen certificate card"),
            absent: UserMessage(zh: "請將\(whose.zh)自然人憑證插入讀卡機。", en: "Insert the \(person)citizen certificate card into the reader."),
            otherKind: otherKind ?? UserMessage(
                zh: "這是機關或團體憑證，不是自然人憑證。這一步要用\(whose.zh)自然人憑證，請改插該卡。",
                en: "This is an agency or organisation card, not a citizen digital certificate. This step needs the "
                    + "\(person)citizen certificate card; insert that card instead."))
    }

    /// An agency's card (機關憑證, 組織及團體憑證…), whose one certificate signs.
    public static let agency = CardRequest(
        kind: .agency, certificate: .agency,
        insertTitle: UserMessage(zh: "請插入機關憑證", en: "Insert the agency certificate card"),
        absent: UserMessage(zh: "請將機關憑證插入讀卡機。", en: "Insert the agency certificate card into the reader."),
        otherKind: UserMessage(zh: "這是自然人憑證，不是機關憑證。這一步要用機關或團體的憑證卡，請改插該卡。",
                               en: "This is a citizen digital certificate, not an agency card. This step needs the agency's "
                                   + "or organisation's certificate card; insert that card instead."))
}
