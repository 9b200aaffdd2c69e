/// 首次註冊: 使用條款 → 機關憑證確認 (card, 機關代號, PIN) → 自然人憑證確認 (administrator's card,
/// 身分證統一編號, PIN) → both certificates shown with the contact form → result; an agency the
/// directory does not confirm detours through 機關憑證註冊申請人確認 (applicant's name and phone).
/// The window drives the cards through the service and reports back; this model decides what
/// each step shows and when 確認 / Next may be pressed.
public struct RegistrationWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable, CaseIterable {
        case terms, agencyCard, administratorCard, details, applicant, result
    }

    public enum Outcome: Sendable, Equatable {
        case registered(Office)
        case pendingReview(PendingReview)
    }

    public private(set) var step: Step = .terms
    public var agency = RegistryCardStep(role: .agency)
    public var administrator = RegistryCardStep(role: .person)
    public var contact = ContactForm()
    public var applicantName = ""
    public var applicantPhone = ""
    /// The two proven cards' certificates (shown on the details step above the contact form).
    public private(set) var agencyCertificate: AgencyCertificate?
    public private(set) var administratorCertificate: PersonCertificate?
    public private(set) var outcome: Outcome?
    /// A refusal of the whole registration (already registered, pending review …).
    public private(set) var error: UserMessage?

    public init() {}

    /// The step indicator's labels.
    public static func title(of step: Step) -> UserMessage {
        switch step {
        case .terms: RegistryTerms.title
        case .agencyCard: UserMessage(zh: "機關憑證確認", en: "Agency card")
        case .administratorCard: UserMessage(zh: "授權管理者自然人憑證確認", en: "Administrator's card")
        case .details: UserMessage(zh: "首次註冊資訊確認", en: "Confirm the registration")
        case .applicant: UserMessage(zh: "機關憑證註冊申請人確認", en: "Applicant's details")
        case .result: UserMessage(zh: "首次註冊結果", en: "Result")
        }
    }

    /// 同意條款內容.
    public mutating func acceptTerms() {
        if step == .terms { step = .agencyCard }
    }

    /// The agency card was proven (PIN and challenge): on to the administrator's card.
    public mutating func agencyProven() {
        agency.proved()
        if step == .agencyCard { step = .administratorCard }
    }

    /// The administrator's card was proven: both certificates are shown with the contact form.
    public mutating func administratorProven(agency: AgencyCertificate, administrator certificate: PersonCertificate) {
        administrator.proved()
        agencyCertificate = agency
        administratorCertificate = certificate
        if step == .administratorCard {
            contact = ContactForm()
            step = .details
        }
    }

    /// What keeps the current step from going on.
    public var problem: UserMessage? {
        switch step {
        case .terms: RegistryProblem.termsNotAccepted.message
        case .agencyCard: agency.problem
        case .administratorCard: administrator.problem
        case .details: contact.details.failureMessage
        case .applicant: applicantProblem
        case .result: nil
        }
    }

    var applicantProblem: UserMessage? {
        do {
            _ = try AdministratorContact.checkName(applicantName)
            _ = try AdministratorContact.checkPhone(applicantPhone)
            return nil
        } catch {
            return error.message
        }
    }

    /// The agency code typed on the agency step, once valid.
    public var agencyCode: AgencyCode? { try? AgencyCode(agency.identifier) }
    public var administratorID: NationalID? { try? NationalID(administrator.identifier) }

    /// The directory did not confirm the agency: the applicant's form, with the seed's message.
    public mutating func needsReview() {
        if step == .details { step = .applicant }
    }

    /// 貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料.
    public var applicantMessage: UserMessage { PendingReview.mismatchMessage }

    public mutating func finished(_ outcome: Outcome) {
        self.outcome = outcome
        error = nil
        step = .result
    }

    /// The service refused (already registered, pending, workspace failure): shown on this step.
    public mutating func failed(_ message: UserMessage) {
        error = message
    }

    /// The result page's message.
    public var resultMessage: UserMessage? {
        switch outcome {
        case .registered: UserMessage(zh: "首次註冊成功！註冊成功後可點選左方功能列接續辦理授權指派經辦人作業。",
                                      en: "Registered. Go on to assign clerks from the menu.")
        case .pendingReview: PendingReview.submittedMessage
        case nil: nil
        }
    }

    public var canGoBack: Bool {
        switch step {
        case .agencyCard, .administratorCard, .details, .applicant: true
        case .terms, .result: false
        }
    }

    /// 取消 / 上一頁: a card step starts afresh, the form keeps what was typed.
    public mutating func back() {
        error = nil
        switch step {
        case .agencyCard: step = .terms
        case .administratorCard:
            agency = RegistryCardStep(role: .agency)
            step = .agencyCard
        case .details:
            administrator = RegistryCardStep(role: .person)
            step = .administratorCard
        case .applicant: step = .details
        case .terms, .result: break
        }
    }
}

extension Result where Failure == RegistryProblem {
    /// The failure's message; nil on success.
    public var failureMessage: UserMessage? {
        if case .failure(let problem) = self { return problem.message }
        return nil
    }
}
