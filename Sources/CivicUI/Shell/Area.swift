/// One of the sidebar's areas: a stable id (remembered between runs), the title in the sidebar,
/// and the page shown when it is chosen.
@MainActor
public protocol Area: AnyObject {
    var id: String { get }
    var title: String { get }
    /// A symbolic icon for the sidebar.
    var iconName: String { get }
    var root: Widget { get }
    /// Called each time the area is shown, so it can refresh what may have changed elsewhere.
    func didAppear()
    /// The file name extensions (lower case, no dot) the area opens: files with them opened from
    /// the file manager or the command line are given to it (`open`).
    var fileExtensions: [String] { get }
    /// Files the user asked to open, the area already shown: start the work they are for.
    func open(_ paths: [String])
    /// Whether the area changes the workspace's data, so that a registered office's clerk must
    /// sign in (登入) before it is shown.
    var needsOperator: Bool { get }
}

extension Area {
    public func didAppear() {}
    public var fileExtensions: [String] { [] }
    public func open(_ paths: [String]) {}
    public var needsOperator: Bool { false }
}
