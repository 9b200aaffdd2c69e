import CGtk
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices

/// 首次註冊: a thin view over `RegistrationWizard` — 用戶約定條款 (同意條款內容), the agency card
/// with 機關代號 and PIN, the administrator's card with 身分證統一編號 and PIN (`OfficeCardViews`),
/// both certificates with the contact form, the applicant's form when the directory does
/// not confirm the agency, and the result. The registration itself runs in the background
/// (`RegistryService.register`).
@MainActor
final class RegistrationPage {
    var root: Widget { frame.root }
    /// The office was registered (the area's other wizards now apply).
    var onRegistered: (@MainActor () -> Void)?

    private let state = WizardState(RegistrationWizard())
    private var wizard: RegistrationWizard {
        get { state.value }
        set { state.value = newValue }
    }
    private let service: RegistryService
    private let frame: WizardFrame
    private let officeCards: OfficeCardViews
    private let details = OfficeDetailsView(title: tr(RegistrationWizard.title(of: .details)))
    private var contact: ContactFormView { details.contact }
    private let applicantName = EntryRow(title: tr("申請人姓名"))
    private let applicantPhone = EntryRow(title: tr("申請人連絡電話"))
    private let applicantError = Notice(style: "error", icon: "dialog-error-symbolic")
    private let result = StatusPage(iconName: "emblem-ok-symbolic", title: tr("首次註冊結果"))
    private var provenAdministrator: ProvenRegistryCard?
    private var isSubmitting = false
    private var shown: RegistrationWizard.Step?

    init(service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        self.service = service
        let state = state
        // Short names in the row, so it fits beside the window's sidebars; each page has its full title.
        frame = WizardFrame(title: tr("首次註冊"), steps: [tr("使用條款"), tr("機關憑證"), tr("管理者憑證"), tr("資訊確認"), tr("結果")])
        frame.root.accessibleName(tr("首次註冊"))
        frame.add(RegistryTermsPage.make(), name: "terms")
        officeCards = OfficeCardViews(state, in: frame, cards: cards, trust: trust)
        frame.add(details.root, name: "details")
        frame.add(applicantPage(), name: "applicant")
        frame.add(result, name: "result", wide: true)

        officeCards.onChange = { [weak self] in self?.render() }
        officeCards.onAdministratorProven = { [weak self] agency, administrator in
            self?.administratorProven(administrator, agency: agency)
        }
        contact.onChange = { [weak self] form in
            self?.wizard.contact = form
            self?.render()
        }
        frame.nextButton.onClick { [weak self] in self?.next() }
        frame.backButton.onClick { [weak self] in
            self?.wizard.back()
            self?.render()
        }
        frame.cancelButton.onClick { [weak self] in self?.restart() }
        render()
    }

    private func applicantPage() -> Widget {
        let page = Box(vertical: true, spacing: 18)
        let fields = PreferencesGroup()
        fields.add(applicantName)
        fields.add(applicantPhone)
        page.append(Notice(style: "warning", icon: "dialog-warning-symbolic", text: tr(wizard.applicantMessage)).root)
            .append(fields)
            .append(Label(tr(ContactForm.phoneExample)).xalign(0).style("dim-label"))
            .append(applicantError.root)
        for field in [applicantName, applicantPhone] {
            field.onChanged { [weak self] in
                guard let self else { return }
                self.wizard.applicantName = self.applicantName.text
                self.wizard.applicantPhone = self.applicantPhone.text
                self.render()
            }
        }
        return page
    }

    private func administratorProven(_ proven: ProvenRegistryCard, agency: ProvenRegistryCard) {
        provenAdministrator = proven
        MainThread.background({
            Result { () throws(RegistryProblem) in
                (try AgencyCertificate.read(agency.certificate).get(), try PersonCertificate.read(proven.certificate).get())
            }
        }, then: { [weak self] read in
            guard let self else { return }
            switch read {
            case .success(let (agencyCertificate, personCertificate)):
                self.wizard.administratorProven(agency: agencyCertificate, administrator: personCertificate)
                self.contact.set(self.wizard.contact)
            case .failure(let problem):
                self.officeCards.administrator.refuse(problem.message)
            }
            self.render()
        })
    }

    private func next() {
        switch wizard.step {
        case .terms:
            wizard.acceptTerms()
        case .agencyCard:
            officeCards.agency.confirm()
        case .administratorCard:
            officeCards.administrator.confirm()
        case .details, .applicant:
            submit()
        case .result:
            if case .registered = wizard.outcome { onRegistered?() }
            restart()
            return
        }
        render()
    }

    /// Registers; the directory's refusal (applicant missing) turns to the applicant's form.
    private func submit() {
        guard wizard.problem == nil, !isSubmitting, let agency = officeCards.provenAgency, let administrator = provenAdministrator,
              let code = wizard.agencyCode, let id = wizard.administratorID, case .success(let details) = wizard.contact.details else { return }
        let applicant = wizard.step == .applicant ? (name: wizard.applicantName, phone: wizard.applicantPhone) : nil
        let request = RegistryService.RegistrationRequest(agencyCode: code, administratorID: id, contact: details, applicant: applicant)
        let service = service
        isSubmitting = true
        render()
        MainThread.background({
            Result { try service.register(request, agency: agency, administrator: administrator) }
        }, then: { [weak self] outcome in
            guard let self else { return }
            self.isSubmitting = false
            switch outcome {
            case .success(.registered(let office)): self.wizard.finished(.registered(office))
            case .success(.pendingReview(let pending)): self.wizard.finished(.pendingReview(pending))
            case .failure(RegistryProblem.applicantMissing): self.wizard.needsReview()
            case .failure(let error): self.wizard.failed(UserMessage(describing: error))
            }
            self.render()
        })
    }

    /// 取消 or 完成: the wizard starts again at the terms.
    private func restart() {
        wizard = RegistrationWizard()
        officeCards.restart()
        provenAdministrator = nil
        contact.set(ContactForm())
        applicantName.text = ""
        applicantPhone.text = ""
        render()
    }

    private func render() {
        let step = wizard.step
        switch step {
        case .terms:
            frame.setNext(tr(RegistryTerms.accept), enabled: true)
        case .agencyCard:
            frame.setNext(tr("確認"), enabled: officeCards.agency.canConfirm)
        case .administratorCard:
            frame.setNext(tr("確認"), enabled: officeCards.administrator.canConfirm)
        case .details:
            details.showError(wizard.error ?? (contact.isTouched ? wizard.problem : nil))
            frame.setNext(tr("確認"), enabled: wizard.problem == nil && !isSubmitting)
        case .applicant:
            let touched = !wizard.applicantName.isEmpty || !wizard.applicantPhone.isEmpty
            applicantError.show((wizard.error ?? (touched ? wizard.problem : nil)).map(tr))
            frame.setNext(tr("送出"), enabled: wizard.problem == nil && !isSubmitting)
        case .result:
            renderResult()
            frame.setNext(tr("完成"), enabled: true)
        }
        frame.backButton.isVisible = wizard.canGoBack
        frame.cancelButton.isVisible = step != .result
        guard step != shown else { return }
        shown = step
        frame.show(page: Self.pageName(step), step: Self.indicatorIndex(step))
        switch step {
        case .agencyCard:
            officeCards.agency.follow()
            officeCards.agency.focus()
        case .administratorCard:
            officeCards.administrator.follow()
            officeCards.administrator.focus()
        case .details:
            details.show(agency: wizard.agencyCertificate, code: wizard.agencyCode?.value,
                         administrator: wizard.administratorCertificate, id: wizard.administratorID?.value)
            contact.focus()
        case .applicant:
            applicantName.grabFocus()
        case .terms, .result:
            break
        }
    }

    private func renderResult() {
        switch wizard.outcome {
        case .registered(let office):
            result.iconName = "emblem-ok-symbolic"
            result.title = tr("首次註冊成功")
            result.details = Markup.escape(String(format: tr("%@（機關代號 %@）已完成註冊，授權管理者：%@。"), office.agency.name,
                                                  office.code.value, office.administrator.certificate.name)
                                           + "\n" + (wizard.resultMessage.map(tr) ?? ""))
        case .pendingReview(let pending):
            result.iconName = "document-open-recent-symbolic"
            result.title = tr("待審核")
            result.details = Markup.escape((wizard.resultMessage.map(tr) ?? "")
                                           + "\n" + String(format: tr("申請人：%@，連絡電話：%@"), pending.applicantName, pending.applicantPhone))
        case nil:
            break
        }
    }

    private static func pageName(_ step: RegistrationWizard.Step) -> String {
        switch step {
        case .terms: "terms"
        case .agencyCard: "agency"
        case .administratorCard: "administrator"
        case .details: "details"
        case .applicant: "applicant"
        case .result: "result"
        }
    }

    /// The applicant's form is a detour of the details step in the row.
    private static func indicatorIndex(_ step: RegistrationWizard.Step) -> Int {
        switch step {
        case .terms: 0
        case .agencyCard: 1
        case .administratorCard: 2
        case .details, .applicant: 3
        case .result: 4
        }
    }
}
