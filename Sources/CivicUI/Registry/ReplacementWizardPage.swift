import CivicCard
import CivicCore
import CivicCrypto
import CivicServices

/// One 更換憑證 sub-function, a thin view over `ReplacementWizard`: 用戶約定條款, the registered
/// agency card and administrator's card, the renewed card(s) (`RegistryCardView` each, checked
/// against the registered office as soon as proven), both certificates with the stored contact
/// details to confirm, and the seed's result message. The replacement itself runs in the
/// background (`RegistryService.replace`).
@MainActor
final class ReplacementWizardPage {
    var root: Widget { frame.root }
    /// 取消 or 完成: back to the choice of sub-function.
    var onClose: (@MainActor () -> Void)?

    private let state: WizardState<ReplacementWizard>
    private var wizard: ReplacementWizard {
        get { state.value }
        set { state.value = newValue }
    }
    private let service: RegistryService
    private let frame: WizardFrame
    private let cardViews: [ReplacementWizard.Step: RegistryCardView]
    private let details: OfficeDetailsView
    private let result = StatusPage(iconName: "emblem-ok-symbolic", title: "")
    /// The proven cards, by the step that asked for them.
    private var proven: [ReplacementWizard.Step: ProvenRegistryCard] = [:]
    private var renewedAgency: AgencyCertificate?
    private var renewedAdministrator: PersonCertificate?
    private var isSubmitting = false
    private var shown: ReplacementWizard.Step?

    init(item: RegistrationItem, service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        let state = WizardState(ReplacementWizard(item: item))
        self.state = state
        self.service = service
        let title = tr(state.value.title)
        // The registered cards and the renewed ones share a place in the row, so it fits beside the menus.
        frame = WizardFrame(title: title, steps: [tr("使用條款"), tr("目前憑證"), tr("更換後憑證"), tr("資訊確認"), tr("結果")])
        frame.root.accessibleName(title)
        let paths: [(ReplacementWizard.Step, WritableKeyPath<ReplacementWizard, RegistryCardStep>)] =
            [(.agencyCard, \.agency), (.administratorCard, \.administrator), (.newAgencyCard, \.newAgency),
             (.newAdministratorCard, \.newAdministrator)].filter { state.value.steps.contains($0.0) }
        cardViews = Dictionary(uniqueKeysWithValues: paths.map { step, path in
            (step, RegistryCardView(state, path, cards: cards, trust: trust))
        })
        details = OfficeDetailsView(title: tr(state.value.detailsTitle))
        for step in state.value.steps {
            switch step {
            case .terms: frame.add(RegistryTermsPage.make(), name: Self.pageName(step))
            case .details: frame.add(details.root, name: Self.pageName(step))
            case .result: frame.add(result, name: Self.pageName(step), wide: true)
            default: if let view = cardViews[step] { frame.add(view.root, name: Self.pageName(step)) }
            }
        }
        for (step, view) in cardViews {
            view.onChange = { [weak self] in self?.render() }
            view.onProven = { [weak self] card in self?.cardProven(card, at: step) }
        }
        details.contact.onChange = { [weak self] form in
            self?.wizard.contact = form
            self?.render()
        }
        frame.nextButton.onClick { [weak self] in self?.next() }
        frame.backButton.onClick { [weak self] in
            self?.wizard.back()
            self?.render()
        }
        frame.cancelButton.onClick { [weak self] in self?.close() }
        render()
    }

    /// A card of `step` was proven: the registered ones are checked to be the office's, the
    /// renewed ones to be other certificates of it (the same agency OID), before going on.
    private func cardProven(_ card: ProvenRegistryCard, at step: ReplacementWizard.Step) {
        proven[step] = card
        switch step {
        case .agencyCard:
            wizard.agencyProven()
            render()
        case .administratorCard:
            guard let agency = proven[.agencyCard] else { return }
            let (service, code) = (service, try? AgencyCode(wizard.agency.identifier))
            check({ try service.registeredOffice(agency: agency, administrator: card, code: code) }, at: step) { page, office in
                page.wizard.administratorProven(office: office)
                page.details.contact.set(page.wizard.contact)
            }
        case .newAgencyCard:
            guard let office = wizard.office else { return }
            let service = service
            check({ try service.renewedAgency(card, of: office) }, at: step) { page, certificate in
                page.renewedAgency = certificate
                page.wizard.newAgencyProven()
            }
        case .newAdministratorCard:
            guard let office = wizard.office else { return }
            let service = service
            check({ try service.renewedAdministrator(card, of: office) }, at: step) { page, certificate in
                page.renewedAdministrator = certificate
                page.wizard.newAdministratorProven()
            }
        default:
            break
        }
    }

    /// Runs `work` in the background; its refusal is shown on the card step `step`.
    private func check<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value, at step: ReplacementWizard.Step,
                                        then: @escaping @MainActor (ReplacementWizardPage, Value) -> Void) {
        MainThread.background({ Result { try work() } }, then: { [weak self] outcome in
            guard let self else { return }
            switch outcome {
            case .success(let value): then(self, value)
            case .failure(let error): self.cardViews[step]?.refuse(UserMessage(describing: error))
            }
            self.render()
        })
    }

    private func next() {
        switch wizard.step {
        case .terms: wizard.acceptTerms()
        case .details: submit()
        case .result: return close()
        default: cardViews[wizard.step]?.confirm()
        }
        render()
    }

    private func submit() {
        guard wizard.problem == nil, !isSubmitting, let agency = proven[.agencyCard], let administrator = proven[.administratorCard],
              case .success(let contact) = wizard.contact.details else { return }
        let newAgency = wizard.replacesAgency ? proven[.newAgencyCard] : nil
        let identifier = wizard.newAdministrator.identifier
        let newAdministrator = wizard.replacesAdministrator
            ? proven[.newAdministratorCard].flatMap { card in (try? NationalID(identifier)).map { (card: card, id: $0) } } : nil
        guard !wizard.replacesAdministrator || newAdministrator != nil else { return }
        let service = service
        isSubmitting = true
        MainThread.background({
            Result { try service.replace(agency: agency, administrator: administrator, newAgency: newAgency,
                                         newAdministrator: newAdministrator, contact: contact).0 }
        }, then: { [weak self] outcome in
            guard let self else { return }
            self.isSubmitting = false
            switch outcome {
            case .success(let office): self.wizard.finished(office)
            case .failure(let error): self.wizard.failed(UserMessage(describing: error))
            }
            self.render()
        })
    }

    /// 取消 or 完成: the sub-function starts again at the terms, shown after the choice of another.
    private func close() {
        wizard = ReplacementWizard(item: wizard.item)
        proven = [:]
        renewedAgency = nil
        renewedAdministrator = nil
        details.contact.set(ContactForm())
        render()
        onClose?()
    }

    private func render() {
        let step = wizard.step
        switch step {
        case .terms:
            frame.setNext(tr(RegistryTerms.accept), enabled: true)
        case .details:
            details.showError(wizard.error ?? (details.contact.isTouched ? wizard.problem : nil))
            frame.setNext(tr("確認"), enabled: wizard.problem == nil && !isSubmitting)
        case .result:
            renderResult()
            frame.setNext(tr("完成"), enabled: true)
        default:
            frame.setNext(tr("確認"), enabled: cardViews[step]?.canConfirm ?? false)
        }
        frame.backButton.isVisible = wizard.canGoBack
        frame.cancelButton.isVisible = step != .result
        guard step != shown else { return }
        shown = step
        frame.show(page: Self.pageName(step), step: Self.indicatorIndex(step))
        switch step {
        case .details:
            renderDetails()
            details.contact.focus()
        case .terms, .result:
            break
        default:
            cardViews[step]?.follow()
            cardViews[step]?.focus()
        }
    }

    /// The certificates the office will have: the renewed ones, and the registered one kept.
    private func renderDetails() {
        guard let office = wizard.office else { return }
        let id = wizard.replacesAdministrator ? wizard.newAdministrator.identifier : office.administrator.personalID.value
        details.show(agency: renewedAgency ?? office.agency, code: office.code.value,
                     administrator: renewedAdministrator ?? office.administrator.certificate, id: id)
    }

    private func renderResult() {
        guard let office = wizard.replaced else { return }
        result.title = tr(wizard.title)
        result.details = Markup.escape(tr(wizard.resultMessage) + "\n"
                                       + String(format: tr("%@（機關代號 %@），授權管理者：%@（憑證序號 %@）。"), office.agency.name,
                                                office.code.value, office.administrator.certificate.name,
                                                office.administrator.certificate.serialHex))
    }

    private static func indicatorIndex(_ step: ReplacementWizard.Step) -> Int {
        switch step {
        case .terms: 0
        case .agencyCard, .administratorCard: 1
        case .newAgencyCard, .newAdministratorCard: 2
        case .details: 3
        case .result: 4
        }
    }

    private static func pageName(_ step: ReplacementWizard.Step) -> String {
        "\(step)"
    }
}
