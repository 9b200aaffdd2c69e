/// Which card a registry step asks for.
public enum RegistryCardRole: Sendable, Hashable {
    /// 機關憑證 (or 組織及團體、工商、醫事憑證).
    case agency
    /// A 自然人憑證: the administrator's, a clerk's, a reviewer's.
    case person
}

/// Whose 自然人憑證 a registry step asks for; the card step names it ("授權管理者的自然人憑證").
public enum RegistryCardHolder: Sendable, Hashable {
    case administrator, clerk, anyone

    public var whose: UserMessage {
        switch self {
        case .administrator: UserMessage(zh: "授權管理者的", en: "administrator's")
        case .clerk: UserMessage(zh: "經辦人的", en: "clerk's")
        case .anyone: UserMessage(zh: "", en: "")
        }
    }
}

/// One 憑證確認畫面 of the registry wizards: the card in the reader (judged from what it shows
/// without a PIN), the 機關代號 or 身分證統一編號 typed beside it, and the PIN, until the service
/// has proven the card (PIN, challenge signature, chain). The PIN never enters this model.
public struct RegistryCardStep: Sendable, Equatable {
    public let role: RegistryCardRole
    /// Whether the step asks for 機關代號 (agency) or 身分證統一編號 (person) beside the card.
    public let asksIdentifier: Bool
    /// For a replacement: the card asked for is the renewed one (更換後).
    public let isReplacement: Bool
    /// Whose 自然人憑證 the step asks for: the 授權管理者's (the wizards), a clerk's (登入) or
    /// anyone's (查詢自然人憑證序號).
    public let holder: RegistryCardHolder
    public var identifier = ""
    public private(set) var card: CardPresence = .absent
    /// The certificate read from the card without the PIN, when it fits the step.
    public private(set) var certificate: CertificateInfo?
    public private(set) var pin = PINEntry()
    /// True once the service proved the card.
    public private(set) var isProven = false
    /// Why the last proof failed (expired, untrusted, not the registered card …).
    public private(set) var error: UserMessage?

    public init(role: RegistryCardRole, asksIdentifier: Bool = true, isReplacement: Bool = false, holder: RegistryCardHolder = .administrator) {
        self.role = role
        self.asksIdentifier = asksIdentifier
        self.isReplacement = isReplacement
        self.holder = holder
    }

    /// 登入: a clerk's 自然人憑證, its PIN and a signed challenge; nothing typed beside it.
    public static var signIn: RegistryCardStep { RegistryCardStep(role: .person, asksIdentifier: false, holder: .clerk) }

    /// 機關憑證確認畫面 / 自然人憑證確認畫面.
    public var title: UserMessage {
        role == .agency ? UserMessage(zh: "機關憑證確認畫面", en: "Agency card") : UserMessage(zh: "自然人憑證確認畫面", en: "Citizen card")
    }

    /// The seed's instruction above the fields.
    public var instruction: UserMessage {
        switch (role, holder) {
        case (.person, .anyone):
            return UserMessage(zh: "請放入自然人憑證IC卡，並輸入畫面欄位：", en: "Insert the citizen card and fill in the fields:")
        case (.person, .clerk):
            return UserMessage(zh: "本工作區已辦理機關憑證註冊，請放入授權經辦人之自然人憑證IC卡並輸入PIN碼登入：",
                               en: "This workspace belongs to a registered office: insert a clerk's citizen card and enter its PIN to sign in:")
        default: break
        }
        return switch (role, isReplacement) {
        case (.agency, false): UserMessage(zh: "請將機關憑證IC卡放入讀卡機，並輸入畫面欄位：", en: "Insert the agency card and fill in the fields:")
        case (.agency, true): UserMessage(zh: "請將更換後機關憑證IC卡放入讀卡機，並輸入畫面欄位：", en: "Insert the renewed agency card and fill in the fields:")
        case (.person, false): UserMessage(zh: "請放入授權管理者之自然人憑證IC卡，並輸入畫面欄位：", en: "Insert the administrator's citizen card and fill in the fields:")
        case (.person, true): UserMessage(zh: "請放入更換後授權管理者之自然人憑證IC卡，並輸入畫面欄位：", en: "Insert the administrator's renewed citizen card and fill in the fields:")
        }
    }

    /// The field's label: *機關代號(五碼) or *授權管理者身分證統一編號.
    public var identifierLabel: UserMessage {
        if role == .agency { return UserMessage(zh: "機關代號(五碼)", en: "Agency code (5 digits)") }
        return holder == .administrator ? UserMessage(zh: "授權管理者身分證統一編號", en: "Administrator's ID number")
                                        : UserMessage(zh: "身分證統一編號", en: "ID number")
    }

    /// The PIN field's label.
    public var pinLabel: UserMessage {
        role == .agency ? UserMessage(zh: "機關憑證IC卡密碼(PIN碼)", en: "Agency card PIN")
                        : UserMessage(zh: "自然人憑證IC卡密碼(為PIN碼)", en: "Citizen card PIN")
    }

    /// What the reader holds now (nil: no card). A card of the wrong kind is named as such; a
    /// card taken out while its PIN was being asked starts the step afresh.
    public mutating func cardChanged(_ contents: CardContents?) {
        guard let contents else { return cardFound(.absent, certificate: nil) }
        switch Self.judge(contents, as: role) {
        case .success(let found):
            cardFound(.present(holder: found.commonName ?? found.subject.rfc4514), certificate: found)
        case .failure(let problem):
            cardFound(.unusable(problem.message), certificate: nil)
        }
    }

    /// What the shared card step (the window's `CardFinder` over `CardSlot`) found: its presence,
    /// and the certificate judged for this step once the card's token is open. The same card
    /// reported again changes nothing; another starts the step afresh.
    public mutating func cardFound(_ presence: CardPresence, certificate: CertificateInfo?) {
        guard presence != card || certificate != self.certificate else { return }
        isProven = false
        error = nil
        pin = PINEntry()
        self.certificate = certificate
        card = presence
    }

    /// The certificate of `contents` a step for `role` uses, or why the card does not fit.
    public static func judge(_ contents: CardContents, as role: RegistryCardRole) -> Result<CertificateInfo, RegistryProblem> {
        if contents.kind == .healthInsurance { return .failure(.healthInsuranceCard) }
        switch role {
        case .agency:
            guard contents.kind == .agency, let certificate = contents.certificate(.agency) else { return .failure(.notAnAgencyCard) }
            return AgencyCertificate.read(certificate).map { _ in certificate }
        case .person:
            if contents.kind == .agency { return .failure(.agencyCardForPerson) }
            guard contents.kind == .naturalPerson, let certificate = contents.certificate(.signature) else { return .failure(.notAPersonCard) }
            return PersonCertificate.read(certificate).map { _ in certificate }
        }
    }

    /// What the typed identifier is wrong in; nil when valid (or not asked).
    public var identifierProblem: UserMessage? {
        guard asksIdentifier else { return nil }
        do {
            switch role {
            case .agency: _ = try AgencyCode(identifier)
            case .person: _ = try NationalID(identifier)
            }
            return nil
        } catch {
            return error.message
        }
    }

    /// What keeps 確認 disabled: the card first, then the identifier.
    public var problem: UserMessage? {
        let absent = role == .agency ? UserMessage(zh: "請將機關憑證IC卡放入讀卡機。", en: "Insert the agency card into the reader.")
                                     : UserMessage(zh: "請放入自然人憑證IC卡。", en: "Insert the citizen card into the reader.")
        return card.problem(absent: absent) ?? identifierProblem
    }

    /// 確認 may be pressed with a PIN of `pinLength` characters.
    public func canConfirm(pinLength: Int) -> Bool {
        problem == nil && !isProven && pin.canSubmit(length: pinLength)
    }

    public mutating func pinStatusRead(_ tries: PINStatus) { pin.statusRead(tries) }
    public mutating func pinSubmitted() {
        error = nil
        pin.submitted()
    }

    /// The PIN was accepted and the card proven.
    public mutating func proved() {
        pin.accepted()
        isProven = true
    }

    /// The PIN or the proof failed: a wrong PIN with the tries left, or another message.
    public mutating func failed(_ failure: TokenError) {
        switch failure {
        case .wrongPIN(let tries): pin.rejected(tries)
        case .pinLocked: pin.rejected(.locked)
        default: pin.failed(failure.message)
        }
    }

    /// The card was refused after the PIN (expired, untrusted, not the registered one).
    public mutating func refused(_ message: UserMessage) {
        pin.reset()
        error = message
    }
}
