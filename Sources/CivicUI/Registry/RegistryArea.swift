import CGtk
import CivicCore
import CivicCrypto
import CivicServices

/// 憑證註冊與授權: the seed's menu (首次註冊, 授權指派, 更換憑證, 查詢作業) beside the chosen
/// wizard, all over one `RegistryService` for the workspace, opened in the background the first
/// time the area is shown. A workspace that cannot be opened shows why (and is tried again the
/// next time the area is shown).
@MainActor
final class RegistryArea: Area {
    let id = "registry"
    let title = tr("憑證註冊與授權")
    let iconName = "system-users-symbolic"
    let root: Widget

    private let outer = Stack()
    private let failure = StatusPage(iconName: "dialog-error-symbolic", title: tr("無法開啟工作區"))
    private let services: AppServices
    private let cards: LiveCards
    private var opening = false
    /// The pages and menu of the built area, kept as long as it is shown.
    private var wizards: [AnyObject] = []

    init(services: AppServices, cards: LiveCards) {
        self.services = services
        self.cards = cards
        let loading = StatusPage(iconName: "system-users-symbolic", title: tr("正在開啟工作區…"), child: Spinner().size(width: 32, height: 32))
        outer.add(loading, name: "loading", title: tr("正在開啟工作區…"))
        outer.add(failure, name: "failure", title: tr("無法開啟工作區"))
        root = outer
    }

    func didAppear() {
        guard wizards.isEmpty, !opening else { return }
        opening = true
        outer.visibleName = "loading"
        let folders = services.folders
        MainThread.background({
            Result { () throws -> (RegistryService, Result<TrustStore, Error>) in
                let service = try RegistryService(folders: folders)
                return (service, Result { try service.loadTrust() })
            }
        }, then: { [weak self] opened in
            guard let self else { return }
            self.opening = false
            switch opened {
            case .success(let (service, trust)):
                self.build(service: service, trust: trust)
            case .failure(let error):
                self.failure.details = Markup.escape(tr(UserMessage(describing: error)))
                self.outer.visibleName = "failure"
            }
        })
    }

    private func build(service: RegistryService, trust: Result<TrustStore, Error>) {
        let registration = RegistrationPage(service: service, trust: trust, cards: cards)
        let assignment = ClerkAssignmentPage(service: service, trust: trust, cards: cards)
        let replacement = ReplacementPage(service: service, trust: trust, cards: cards)
        let queries = RegistryQueriesPage(service: service, trust: trust, cards: cards)
        let items: [(id: String, title: String, page: Widget, owner: AnyObject)] = [
            ("register", tr("首次註冊"), registration.root, registration),
            ("clerks", tr("授權指派"), assignment.root, assignment),
            ("replace", tr("更換憑證"), replacement.root, replacement),
            ("queries", tr("查詢作業"), queries.root, queries),
        ]
        let menu = RegistryMenu(name: tr("憑證註冊與授權功能選單"), titles: items.map(\.title), width: 150)
        for item in items {
            menu.pages.add(item.page, name: item.id, title: item.title)
            wizards.append(item.owner)
        }
        wizards.append(menu)
        menu.onSelect = { [weak menu] index in menu?.pages.visibleName = items[index].id }
        menu.select(0)
        outer.add(menu.root, name: "area", title: title)
        outer.visibleName = "area"
    }
}
