import CivicCore
import CivicServices

/// The window's one `OperatorSession`, observed by the header bar and the areas: whether the
/// workspace has a registered office (read again when an area is shown, since the registry area
/// may have registered one), and the signed-in clerk.
@MainActor
final class SessionModel {
    private(set) var session = OperatorSession()
    private var observers: [@MainActor (OperatorSession) -> Void] = []
    private let folders: CivicDeskFolders

    init(services: AppServices) {
        folders = services.folders
    }

    /// Calls `observer` now and after every change.
    func observe(_ observer: @escaping @MainActor (OperatorSession) -> Void) {
        observers.append(observer)
        observer(session)
    }

    func change(_ body: (inout OperatorSession) -> Void) {
        var changed = session
        body(&changed)
        guard changed != session else { return }
        session = changed
        for observer in observers { observer(session) }
    }

    /// Reads whether the workspace has a registered office (in the background); a workspace that
    /// cannot be read counts as having none, and the areas report its problem themselves.
    func refresh() {
        let folders = folders
        MainThread.background({
            (try? RegistryService(folders: folders).needsOperator()) ?? false
        }, then: { [weak self] registered in
            self?.change { $0.officeRead(registered: registered) }
        })
    }
}
