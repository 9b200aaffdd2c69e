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
}

extension Area {
    public func didAppear() {}
}
