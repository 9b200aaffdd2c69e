import CGtk
import CivicCore

/// Starts the window: one application instance per session; a second launch presents the
/// existing window.
@MainActor
public final class CivicDeskApp {
    private let application = Application(id: CivicDeskVersion.applicationID)
    private var mainWindow: MainWindow?
    /// Made on the first activation: a second launch only hands over and needs none of them.
    private lazy var services = AppServices.load()
    /// The readers and cards, watched once for every area.
    private lazy var cards = LiveCards(services: services)

    public init() {
        bindTranslations()
        application.onActivate { [weak self] in self?.activate() }
        application.addAction("quit", accelerators: ["<Control>q"]) { [weak self] in self?.quit() }
        application.addAction("about") { [weak self] in self?.showAbout() }
    }

    /// Runs until the window closes; returns the process exit status.
    public func run() -> Int32 {
        application.run()
    }

    private func activate() {
        if let mainWindow {
            mainWindow.present()
            return
        }
        let window = MainWindow(application: application, areas: makeAreas())
        mainWindow = window
        window.present()
    }

    private func makeAreas() -> [Area] {
        [
            RosterArea(services: services, cards: cards),
            RegistryArea(services: services, cards: cards),
            PlannedArea(id: "documents", title: tr("公文製作"), iconName: "x-office-document-symbolic",
                        purpose: tr("依公文格式撰寫、編號、簽章及陳核函稿。")),
            ReadersArea(services: services, cards: cards),
        ]
    }

    private func quit() {
        if let window = mainWindow?.window.window { gtk_window_close(window) }
        application.quit()
    }

    private func showAbout() {
        AboutWindow.present(
            parent: mainWindow?.window.window,
            name: "CivicDesk",
            version: CivicDeskVersion.number,
            comments: tr("自然人憑證與機關憑證的電子公文、公投連署名冊及憑證註冊工具。"),
            website: "https://civicdesk.tw",
            developers: ["CivicDesk 開發團隊"],
            copyright: "© 2026 CivicDesk 開發團隊")
    }
}
