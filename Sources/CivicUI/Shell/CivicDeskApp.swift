import CGtk
import CivicCore
import Foundation

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
    /// Who is signed in (登入), for the header bar and every area.
    private lazy var session = SessionModel(services: services)

    public init() {
        bindTranslations()
        application.onActivate { [weak self] in self?.activate() }
        application.onOpen { [weak self] paths in self?.open(paths) }
        application.addAction("quit", accelerators: ["<Control>q"]) { [weak self] in self?.quit() }
        application.addAction("about") { [weak self] in self?.showAbout() }
    }

    /// Runs until the window closes; returns the process exit status. `files` (`.cec` batches,
    /// `.di` letters) are opened in the area that handles them, in the running window if any.
    public func run(opening files: [String] = []) -> Int32 {
        application.run(opening: files)
    }

    private func activate() {
        if let mainWindow {
            mainWindow.present()
            return
        }
        let window = MainWindow(application: application, areas: makeAreas(), session: session,
                                signIn: SignInPage(session: session, services: services, cards: cards))
        mainWindow = window
        window.present()
    }

    /// Brings the window forward on the area that opens the first file of a kind an area opens,
    /// and hands it its files; when there is none, a notice says which files CivicDesk opens.
    private func open(_ paths: [String]) {
        activate()
        guard let mainWindow else { return }
        func fileExtension(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }
        guard let area = mainWindow.areas.first(where: { area in paths.contains { area.fileExtensions.contains(fileExtension($0)) } })
        else {
            mainWindow.toasts.show(tr("CivicDesk 只能開啟連署人名冊檔（.cec）與公文交換檔（.di）。"))
            return
        }
        mainWindow.show(areaID: area.id)
        area.open(paths.filter { area.fileExtensions.contains(fileExtension($0)) })
    }

    private func makeAreas() -> [Area] {
        [
            RosterArea(services: services, cards: cards, session: session),
            RegistryArea(services: services, cards: cards),
            DocumentsArea(services: services, cards: cards, session: session),
            ReadersArea(services: services, cards: cards),
        ]
    }

    private func quit() {
        if let window = mainWindow?.window.window { gtk_window_close(window) }
        application.quit()
    }

    private func showAbout() {
        let build = CivicDeskVersion.build == .release ? tr("發行版") : tr("除錯版")
        AboutWindow.present(
            parent: mainWindow?.window.window,
            name: "CivicDesk",
            iconName: CivicDeskVersion.applicationID,
            version: "\(CivicDeskVersion.number) (\(build))",
            comments: tr("自然人憑證與機關憑證的電子公文、公投連署名冊及憑證註冊工具。"),
            website: CivicDeskVersion.website,
            developers: CivicDeskVersion.developers,
            copyright: CivicDeskVersion.copyright)
    }
}
