import CGtk
import CGtkShim

/// Any GtkWidget: visibility, sizing, spacing, style classes and the accessible name that
/// the UI tests (and screen readers) find it by.
@MainActor
open class Widget: GObjectHandle {
    public var widget: UnsafeMutablePointer<GtkWidget> { pointer() }

    /// Names the widget for assistive technology (AT-SPI), which is how the UI tests find it.
    @discardableResult
    public func accessibleName(_ name: String) -> Self {
        civic_accessible_set_label(widget, name)
        return self
    }

    @discardableResult
    public func accessibleDescription(_ text: String) -> Self {
        civic_accessible_set_description(widget, text)
        return self
    }

    public var isVisible: Bool {
        get { gtk_widget_get_visible(widget) != 0 }
        set { gtk_widget_set_visible(widget, newValue ? 1 : 0) }
    }

    public var isSensitive: Bool {
        get { gtk_widget_get_sensitive(widget) != 0 }
        set { gtk_widget_set_sensitive(widget, newValue ? 1 : 0) }
    }

    public var tooltip: String? {
        get { gtk_widget_get_tooltip_text(widget).map { String(cString: $0) } }
        set { gtk_widget_set_tooltip_text(widget, newValue) }
    }

    @discardableResult
    public func expand(horizontally: Bool = false, vertically: Bool = false) -> Self {
        gtk_widget_set_hexpand(widget, horizontally ? 1 : 0)
        gtk_widget_set_vexpand(widget, vertically ? 1 : 0)
        return self
    }

    @discardableResult
    public func align(horizontal: GtkAlign? = nil, vertical: GtkAlign? = nil) -> Self {
        if let horizontal { gtk_widget_set_halign(widget, horizontal) }
        if let vertical { gtk_widget_set_valign(widget, vertical) }
        return self
    }

    @discardableResult
    public func margins(_ all: Int32) -> Self {
        margins(top: all, bottom: all, start: all, end: all)
    }

    @discardableResult
    public func margins(top: Int32 = 0, bottom: Int32 = 0, start: Int32 = 0, end: Int32 = 0) -> Self {
        gtk_widget_set_margin_top(widget, top)
        gtk_widget_set_margin_bottom(widget, bottom)
        gtk_widget_set_margin_start(widget, start)
        gtk_widget_set_margin_end(widget, end)
        return self
    }

    @discardableResult
    public func size(width: Int32 = -1, height: Int32 = -1) -> Self {
        gtk_widget_set_size_request(widget, width, height)
        return self
    }

    /// Adds a libadwaita style class such as `suggested-action`, `title-1`, `dim-label`, `card`.
    @discardableResult
    public func style(_ classes: String...) -> Self {
        for name in classes { gtk_widget_add_css_class(widget, name) }
        return self
    }

    public func removeStyle(_ name: String) {
        gtk_widget_remove_css_class(widget, name)
    }

    public func grabFocus() {
        _ = gtk_widget_grab_focus(widget)
    }

    /// The window this widget is in, for dialogs that must be modal to it.
    public var rootWindow: UnsafeMutablePointer<GtkWindow>? {
        guard let root = gtk_widget_get_root(widget) else { return nil }
        return UnsafeMutableRawPointer(root).assumingMemoryBound(to: GtkWindow.self)
    }

    /// The widgets of GType `type` inside this one: a composite widget's own parts (a dialog's
    /// answer buttons, an entry's buttons), which the binding names for assistive technology.
    func parts(ofType type: GType) -> [UnsafeMutablePointer<GtkWidget>] {
        var found: [UnsafeMutablePointer<GtkWidget>] = []
        var pending = [widget]
        while let next = pending.popLast() {
            var child = gtk_widget_get_first_child(next)
            while let current = child {
                if g_type_check_instance_is_a(UnsafeMutableRawPointer(current).assumingMemoryBound(to: GTypeInstance.self), type) != 0 {
                    found.append(current)
                }
                pending.append(current)
                child = gtk_widget_get_next_sibling(current)
            }
        }
        return found
    }

    /// Activates a named action (`app.about`, `win.import`…) from this widget's place in the tree.
    public func activateAction(_ name: String) {
        _ = gtk_widget_activate_action_variant(widget, name, nil)
    }
}
