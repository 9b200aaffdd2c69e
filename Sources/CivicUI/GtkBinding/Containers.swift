import CGtk

/// A row or column of widgets (GtkBox).
@MainActor
public final class Box: Widget {
    private var children: [Widget] = []

    public init(vertical: Bool, spacing: Int32 = 0) {
        super.init(taking: gtk_box_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, spacing))
    }

    @discardableResult
    public func append(_ child: Widget) -> Self {
        gtk_box_append(pointer(), child.widget)
        children.append(child)
        return self
    }

    public func remove(_ child: Widget) {
        gtk_box_remove(pointer(), child.widget)
        children.removeAll { $0 === child }
    }

    public func removeAll() {
        for child in children { gtk_box_remove(pointer(), child.widget) }
        children.removeAll()
    }
}

/// A scrolled area around one child.
@MainActor
public final class ScrolledWindow: Widget {
    private var child: Widget?

    public init(_ child: Widget? = nil, horizontalScroll: Bool = false) {
        super.init(taking: gtk_scrolled_window_new())
        gtk_scrolled_window_set_policy(pointer(), horizontalScroll ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        if let child { setChild(child) }
    }

    public func setChild(_ child: Widget) {
        gtk_scrolled_window_set_child(pointer(), child.widget)
        self.child = child
    }
}

/// libadwaita's width-limited column that keeps forms readable on wide windows.
@MainActor
public final class Clamp: Widget {
    private let child: Widget

    public init(_ child: Widget, maximumWidth: Int32 = 720) {
        self.child = child
        super.init(taking: adw_clamp_new())
        adw_clamp_set_maximum_size(pointer(), maximumWidth)
        adw_clamp_set_child(pointer(), child.widget)
    }
}

/// Pages of which one is shown at a time, each with a name and a title (GtkStack).
@MainActor
public final class Stack: Widget {
    private var pages: [String: Widget] = [:]

    public override init(taking object: UnsafeMutableRawPointer) {
        super.init(taking: object)
    }

    public convenience init(transition: GtkStackTransitionType = GTK_STACK_TRANSITION_TYPE_CROSSFADE) {
        self.init(taking: UnsafeMutableRawPointer(gtk_stack_new()))
        gtk_stack_set_transition_type(pointer(), transition)
    }

    public func add(_ child: Widget, name: String, title: String, iconName: String? = nil) {
        let page = gtk_stack_add_titled(pointer(), child.widget, name, title)
        if let iconName, let page { gtk_stack_page_set_icon_name(page, iconName) }
        pages[name] = child
    }

    public var visibleName: String? {
        get { gtk_stack_get_visible_child_name(pointer()).map { String(cString: $0) } }
        set { if let newValue, pages[newValue] != nil { gtk_stack_set_visible_child_name(pointer(), newValue) } }
    }

    public func page(named name: String) -> Widget? { pages[name] }

    /// Takes the page named `name` out (a wizard that closed).
    public func remove(named name: String) {
        guard let child = pages.removeValue(forKey: name) else { return }
        gtk_stack_remove(pointer(), child.widget)
    }

    /// Calls `action` whenever another page becomes visible.
    public func onVisiblePageChanged(_ action: @escaping @MainActor () -> Void) {
        on("notify::visible-child", action)
    }
}
