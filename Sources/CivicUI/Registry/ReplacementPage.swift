import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 更換憑證: the seed's three sub-functions (更換機關憑證, 更換授權管理者自然人憑證, both) to choose
/// from, then the chosen one's wizard (`ReplacementWizardPage`), made the first time it is chosen
/// so that its card steps follow the readers only from then on; 取消 or 完成 comes back here.
@MainActor
final class ReplacementPage {
    static let items: [RegistrationItem] = [.agencyCertificateReplaced, .administratorCertificateReplaced, .bothReplaced]

    let root = Stack()

    private let service: RegistryService
    private let trust: Result<TrustStore, Error>
    private let cards: LiveCards
    private var wizards: [RegistrationItem: ReplacementWizardPage] = [:]

    init(service: RegistryService, trust: Result<TrustStore, Error>, cards: LiveCards) {
        self.service = service
        self.trust = trust
        self.cards = cards
        let page = Box(vertical: true, spacing: 18)
        let group = PreferencesGroup()
        for item in Self.items {
            let wizard = ReplacementWizard(item: item)
            let row = ActionRow(title: tr(wizard.title), subtitle: tr(wizard.summary))
            let open = Button("", iconName: "go-next-symbolic").style("flat").align(vertical: GTK_ALIGN_CENTER)
            open.onClick { [weak self] in self?.show(item) }
            row.addSuffix(open)
            // The row names the button by its title (an accessible name of its own would read twice).
            row.setActivatable(open)
            group.add(row)
        }
        page.append(Label(tr("更換憑證")).xalign(0).style("title-2"))
            .append(Label(tr("機關憑證或授權管理者自然人憑證更換或展期時，請就更換情形選擇子功能；僅經辦人自然人憑證更換時，請於授權指派修改該經辦人的憑證序號。"),
                          wrap: true).xalign(0))
            .append(group)
        root.add(ScrolledWindow(Clamp(page.margins(top: 24, bottom: 24, start: 12, end: 12), maximumWidth: 720)),
                 name: "choose", title: tr("更換憑證"))
        root.visibleName = "choose"
    }

    private func show(_ item: RegistrationItem) {
        if wizards[item] == nil {
            let page = ReplacementWizardPage(item: item, service: service, trust: trust, cards: cards)
            page.onClose = { [weak self] in self?.root.visibleName = "choose" }
            root.add(page.root, name: item.rawValue, title: tr(ReplacementWizard(item: item).title))
            wizards[item] = page
        }
        root.visibleName = item.rawValue
    }
}
