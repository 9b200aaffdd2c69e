/// 更換憑證 with its three sub-functions (更換機關憑證, 更換授權管理者自然人憑證, both): 使用條款 →
/// the registered agency card → the registered administrator's card → the renewed card(s) → both
/// certificates shown with the contact form (filled with the stored details) → result.
public struct ReplacementWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable, CaseIterable {
        case terms, agencyCard, administratorCard, newAgencyCard, newAdministratorCard, details, result
    }

    public let item: RegistrationItem
    public private(set) var step: Step = .terms
    public var agency = RegistryCardStep(role: .agency)
    public var administrator = RegistryCardStep(role: .person)
    public var newAgency = RegistryCardStep(role: .agency, asksIdentifier: false, isReplacement: true)
    public var newAdministrator = RegistryCardStep(role: .person, isReplacement: true)
    public var contact = ContactForm()
    public private(set) var office: Office?
    public private(set) var replaced: Office?
    public private(set) var error: UserMessage?

    /// `item` is one of the three replacements (not 首次註冊).
    public init(item: RegistrationItem) {
        self.item = item == .firstRegistration ? .agencyCertificateReplaced : item
    }

    public var replacesAgency: Bool { item != .administratorCertificateReplaced }
    public var replacesAdministrator: Bool { item != .agencyCertificateReplaced }

    /// The steps this replacement goes through, for the step indicator.
    public var steps: [Step] {
        Step.allCases.filter { step in
            switch step {
            case .newAgencyCard: replacesAgency
            case .newAdministratorCard: replacesAdministrator
            default: true
            }
        }
    }

    /// The seed's menu item and page title.
    public var title: UserMessage {
        switch item {
        case .administratorCertificateReplaced:
            UserMessage(zh: "更換授權管理者自然人憑證", en: "Replace the administrator's certificate")
        case .bothReplaced:
            UserMessage(zh: "更換機關憑證和更換授權管理者自然人憑證", en: "Replace the agency and administrator's certificates")
        case .agencyCertificateReplaced, .firstRegistration:
            UserMessage(zh: "更換機關憑證", en: "Replace the agency certificate")
        }
    }

    /// When to choose this sub-function (the seed's 更換憑證作業).
    public var summary: UserMessage {
        switch item {
        case .administratorCertificateReplaced:
            UserMessage(zh: "授權管理者自然人憑證更換或展期時辦理。", en: "When the administrator's citizen card is renewed.")
        case .bothReplaced:
            UserMessage(zh: "機關憑證及授權管理者自然人憑證同時更換或展期時辦理。", en: "When both cards are renewed at once.")
        case .agencyCertificateReplaced, .firstRegistration:
            UserMessage(zh: "機關憑證更換或展期時辦理。", en: "When the agency card is renewed.")
        }
    }

    /// The seed's title above both certificates and the contact form.
    public var detailsTitle: UserMessage {
        switch item {
        case .administratorCertificateReplaced:
            UserMessage(zh: "更換授權管理者自然人憑證資訊確認", en: "Confirm the administrator's new certificate")
        case .bothReplaced:
            UserMessage(zh: "更換機關憑證資訊和授權管理者自然人憑證資訊確認", en: "Confirm both new certificates")
        case .agencyCertificateReplaced, .firstRegistration:
            UserMessage(zh: "更換機關憑證資訊確認", en: "Confirm the new agency certificate")
        }
    }

    public mutating func acceptTerms() {
        if step == .terms { step = .agencyCard }
    }

    public mutating func agencyProven() {
        agency.proved()
        if step == .agencyCard { step = .administratorCard }
    }

    /// The registered cards are proven; `office` is what is stored.
    public mutating func administratorProven(office: Office) {
        administrator.proved()
        self.office = office
        contact = ContactForm(office.administrator.contact)
        step = replacesAgency ? .newAgencyCard : .newAdministratorCard
    }

    public mutating func newAgencyProven() {
        newAgency.proved()
        step = replacesAdministrator ? .newAdministratorCard : .details
    }

    public mutating func newAdministratorProven() {
        newAdministrator.proved()
        step = .details
    }

    public var problem: UserMessage? {
        switch step {
        case .terms: RegistryProblem.termsNotAccepted.message
        case .agencyCard: agency.problem
        case .administratorCard: administrator.problem
        case .newAgencyCard: newAgency.problem
        case .newAdministratorCard: newAdministrator.problem
        case .details: contact.details.failureMessage
        case .result: nil
        }
    }

    public mutating func finished(_ office: Office) {
        replaced = office
        error = nil
        step = .result
    }

    public mutating func failed(_ message: UserMessage) {
        error = message
    }

    /// The seed's result messages.
    public var resultMessage: UserMessage {
        switch item {
        case .administratorCertificateReplaced:
            UserMessage(zh: "完成更換授權管理者自然人憑證，如欲繼續辦理授權指派作業，請點選左方選單！",
                        en: "The administrator's certificate was replaced; continue with clerk assignment from the menu.")
        case .bothReplaced:
            UserMessage(zh: "貴機關已完成機關憑證及授權管理者自然人憑證更換，如需進行授權指派作業，請點選左方選單。",
                        en: "Both certificates were replaced; continue with clerk assignment from the menu.")
        case .agencyCertificateReplaced, .firstRegistration:
            UserMessage(zh: "更換機關憑證成功！", en: "The agency certificate was replaced.")
        }
    }

    public var canGoBack: Bool { step != .terms && step != .result }

    public mutating func back() {
        error = nil
        guard let index = steps.firstIndex(of: step), index > 0, step != .result else { return }
        switch step {
        case .agencyCard: agency = RegistryCardStep(role: .agency)
        case .administratorCard: agency = RegistryCardStep(role: .agency)
        default: break
        }
        // Going back past a proven card asks for it again.
        let previous = steps[index - 1]
        switch previous {
        case .agencyCard: agency = RegistryCardStep(role: .agency)
        case .administratorCard: administrator = RegistryCardStep(role: .person)
        case .newAgencyCard: newAgency = RegistryCardStep(role: .agency, asksIdentifier: false, isReplacement: true)
        case .newAdministratorCard: newAdministrator = RegistryCardStep(role: .person, isReplacement: true)
        default: break
        }
        step = previous
    }
}
