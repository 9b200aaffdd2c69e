import CGtk
import CivicCore

/// The one window: a sidebar of areas beside the chosen area's page, each pane with its own
/// header bar (the GNOME split layout), folding to one pane on narrow screens. In a workspace
/// with a registered office, an area that changes data gives way to 登入 until a clerk signs in;
/// the header bar then names them (經辦人：…) beside 登出.
@MainActor
final class MainWindow {
    let window: ApplicationWindow
    let toasts = ToastOverlay()
    let areas: [Area]
    private let stack = Stack()
    /// The chosen area, or 登入 in its place.
    private let gate = Stack()
    private let session: SessionModel
    private let signIn: SignInPage
    private let signedIn = Label()
    private let signOut = Button(tr("登出"), iconName: "system-log-out-symbolic")
    private let sidebar = ListBox()
    private let leaflet: GObjectHandle
    private let contentTitle = WindowTitle(title: "CivicDesk")
    private let backButton = Button("", iconName: "go-previous-symbolic")
    private var state = WindowState.load()

    init(application: Application, areas: [Area], session: SessionModel, signIn: SignInPage) {
        self.areas = areas
        self.session = session
        self.signIn = signIn
        window = ApplicationWindow(application: application)
        window.title = "CivicDesk"
        leaflet = GObjectHandle(taking: UnsafeMutableRawPointer(adw_leaflet_new()))

        for area in areas {
            stack.add(area.root, name: area.id, title: area.title)
        }
        buildLayout()
        restoreState()
        stack.onVisiblePageChanged { [weak self] in self?.visibleAreaChanged() }
        window.onCloseRequest { [weak self] in
            self?.saveState()
            return false
        }
        visibleAreaChanged()
        session.observe { [weak self] session in self?.sessionChanged(session) }
    }

    func present() {
        window.present()
    }

    /// Shows the area with `id` (used by other areas' buttons, such as "go to readers").
    func show(areaID: String) {
        stack.visibleName = areaID
    }

    private func buildLayout() {
        let sidebarHeader = HeaderBar()
        sidebarHeader.setTitle(WindowTitle(title: "CivicDesk"))
        sidebarHeader.showWindowButtons(start: true, end: false)
        let sidebarList = ScrolledWindow(sidebarRows()).expand(vertically: true)
        let sidebarPane = Box(vertical: true).size(width: 220)
        sidebarPane.append(sidebarHeader).append(sidebarList)

        let contentHeader = HeaderBar()
        contentHeader.setTitle(contentTitle)
        backButton.accessibleName(tr("返回功能區列表"))
        backButton.tooltip = tr("返回功能區列表")
        backButton.isVisible = false
        backButton.onClick { [weak self] in
            guard let self else { return }
            _ = adw_leaflet_navigate(self.leaflet.pointer(), ADW_NAVIGATION_DIRECTION_BACK)
        }
        contentHeader.packStart(backButton)
        signOut.tooltip = tr("登出，換另一位經辦人以自然人憑證登入")
        signOut.onClick { [weak self] in self?.session.change { $0.signedOut() } }
        contentHeader.packEnd(MenuButton(iconName: "open-menu-symbolic", accessibleName: tr("主選單"), items: [
            (tr("鍵盤快捷鍵"), "win.show-help-overlay"),
            (tr("關於 CivicDesk"), "app.about"),
            (tr("結束"), "app.quit"),
        ]))
        contentHeader.packEnd(signOut)
        contentHeader.packEnd(signedIn.style("dim-label"))
        gate.add(stack.expand(horizontally: true, vertically: true), name: "areas", title: tr("功能區"))
        gate.add(signIn.root, name: "signin", title: tr("登入"))
        toasts.setChild(gate.expand(horizontally: true, vertically: true))
        let content = Box(vertical: true).expand(horizontally: true)
        content.append(contentHeader).append(toasts)

        let leafletPointer = leaflet.pointer()
        adw_leaflet_append(leafletPointer, sidebarPane.widget)
        let separator = Separator(vertical: true)
        let separatorPage = adw_leaflet_append(leafletPointer, separator.widget)
        adw_leaflet_page_set_navigatable(separatorPage, 0)
        adw_leaflet_append(leafletPointer, content.widget)
        adw_leaflet_set_can_navigate_back(leafletPointer, 1)
        keep = [sidebarPane, separator, content]
        leaflet.on("notify::folded") { [weak self] in self?.foldChanged() }
        window.setContent(Widget(taking: UnsafeMutableRawPointer(leafletPointer)))
    }

    /// One row per area, icon and title, in the GNOME navigation-sidebar style.
    private func sidebarRows() -> ListBox {
        sidebar.style("navigation-sidebar")
        sidebar.accessibleName(tr("功能區"))
        for area in areas {
            let row = Box(vertical: false, spacing: 12).margins(top: 6, bottom: 6, start: 6, end: 6)
            row.append(Image(iconName: area.iconName)).append(Label(area.title).xalign(0))
            sidebar.appendRow(row, name: area.title)
        }
        sidebar.onSelectionChanged { [weak self] index in
            guard let self, let index, self.areas.indices.contains(index) else { return }
            self.stack.visibleName = self.areas[index].id
        }
        return sidebar
    }

    /// Widgets GTK holds through the leaflet; kept here so their Swift closures stay alive too.
    private var keep: [Widget] = []

    private var isFolded: Bool { adw_leaflet_get_folded(leaflet.pointer()) != 0 }

    private func foldChanged() {
        backButton.isVisible = isFolded
    }

    private func visibleAreaChanged() {
        guard let id = stack.visibleName, let area = areas.first(where: { $0.id == id }) else { return }
        contentTitle.title = area.title
        if let index = areas.firstIndex(where: { $0 === area }), sidebar.selectedIndex != index {
            sidebar.selectedIndex = index
        }
        state.area = id
        area.didAppear()
        session.refresh()
        showGate()
        if isFolded {
            _ = adw_leaflet_navigate(leaflet.pointer(), ADW_NAVIGATION_DIRECTION_FORWARD)
        }
    }

    private func sessionChanged(_ session: OperatorSession) {
        let name = session.signedInLabel.map(tr)
        signedIn.text = name ?? ""
        signedIn.accessibleName(name ?? "")
        signedIn.isVisible = name != nil
        signOut.isVisible = name != nil
        showGate()
    }

    /// 登入 in place of an area that changes data while the office has nobody signed in; a fresh
    /// card step each time it comes up.
    private func showGate() {
        guard let id = stack.visibleName, let area = areas.first(where: { $0.id == id }) else { return }
        let name = area.needsOperator && session.session.needsSignIn ? "signin" : "areas"
        guard gate.visibleName != name else { return }
        gate.visibleName = name
        if name == "signin" { signIn.start() }
    }

    private func restoreState() {
        window.setDefaultSize(width: state.width, height: state.height)
        if state.maximized { window.isMaximized = true }
        if areas.contains(where: { $0.id == state.area }) { stack.visibleName = state.area }
    }

    private func saveState() {
        let size = window.currentSize
        state.maximized = window.isMaximized
        if !state.maximized {
            state.width = size.width
            state.height = size.height
        }
        state.save()
    }
}
