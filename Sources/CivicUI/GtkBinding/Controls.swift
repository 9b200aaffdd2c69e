import CGtk

/// A piece of text (GtkLabel).
@MainActor
public final class Label: Widget {
    public init(_ text: String = "", wrap: Bool = false, selectable: Bool = false) {
        super.init(taking: gtk_label_new(text))
        if wrap {
            gtk_label_set_wrap(pointer(), 1)
            gtk_label_set_wrap_mode(pointer(), PANGO_WRAP_WORD_CHAR)
        }
        if selectable { gtk_label_set_selectable(pointer(), 1) }
    }

    public var text: String {
        get { String(cString: gtk_label_get_text(pointer())) }
        set { gtk_label_set_text(pointer(), newValue) }
    }

    /// Text with Pango markup (`<b>`…); callers escape what they did not write themselves.
    public func setMarkup(_ markup: String) {
        gtk_label_set_markup(pointer(), markup)
    }

    @discardableResult
    public func xalign(_ value: Float) -> Self {
        gtk_label_set_xalign(pointer(), value)
        return self
    }

    @discardableResult
    public func justify(_ value: GtkJustification) -> Self {
        gtk_label_set_justify(pointer(), value)
        return self
    }
}

/// A push button: a labelled one is named by its label, an icon-only one needs `accessibleName`.
@MainActor
public final class Button: Widget {
    public init(_ label: String, iconName: String? = nil, action: (@MainActor () -> Void)? = nil) {
        if let iconName, label.isEmpty {
            super.init(taking: gtk_button_new_from_icon_name(iconName))
        } else if let iconName {
            super.init(taking: gtk_button_new())
            let content = adw_button_content_new()
            adw_button_content_set_label(OpaquePointer(content), label)
            adw_button_content_set_icon_name(OpaquePointer(content), iconName)
            adw_button_content_set_use_underline(OpaquePointer(content), 1)
            // Named by the content's label, which the content relates to the button itself.
            gtk_button_set_child(pointer(), content)
        } else {
            super.init(taking: gtk_button_new_with_mnemonic(label))
            Self.nameOnce(widget)
        }
        if let action { onClick(action) }
    }

    /// An icon and a short label, named more fully (`說明：上移` for 上移, where two editors each
    /// have one): AdwButtonContent would add its label to the name once the button is in a window.
    public init(_ label: String, iconName: String, accessibleName name: String) {
        super.init(taking: gtk_button_new())
        let content = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6)
        gtk_widget_set_halign(content, GTK_ALIGN_CENTER)
        gtk_box_append(UnsafeMutableRawPointer(content)?.assumingMemoryBound(to: GtkBox.self), gtk_image_new_from_icon_name(iconName))
        gtk_box_append(UnsafeMutableRawPointer(content)?.assumingMemoryBound(to: GtkBox.self), gtk_label_new_with_mnemonic(label))
        gtk_button_set_child(pointer(), content)
        accessibleName(name)
    }

    /// GTK 4.8 names a labelled button by its label and again by its label child (labelled-by),
    /// so it would read "取消 取消"; dropping the relation makes it read once.
    static func nameOnce(_ button: UnsafeMutablePointer<GtkWidget>) {
        gtk_accessible_reset_relation(OpaquePointer(button), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
    }

    public func onClick(_ action: @escaping @MainActor () -> Void) {
        on("clicked", action)
    }

    /// The label, which is also the button's accessible name.
    public var label: String {
        get { gtk_button_get_label(pointer()).map { String(cString: $0) } ?? "" }
        set {
            gtk_button_set_label(pointer(), newValue)
            Self.nameOnce(widget)
        }
    }
}

/// Text for GTK's markup properties (a status page's description): what CivicDesk did not
/// write itself (file names, certificate names) must not be read as markup.
public enum Markup {
    public static func escape(_ text: String) -> String {
        guard let escaped = g_markup_escape_text(text, -1) else { return "" }
        defer { g_free(escaped) }
        return String(cString: escaped)
    }
}

/// A single-line text field outside a boxed list (forms use `EntryRow`).
@MainActor
public final class TextEntry: Widget {
    public init(placeholder: String = "") {
        super.init(taking: gtk_entry_new())
        gtk_entry_set_placeholder_text(pointer(), placeholder)
    }

    public var text: String {
        get { String(cString: gtk_editable_get_text(pointer())) }
        set { gtk_editable_set_text(pointer(), newValue) }
    }

    public func onChanged(_ action: @escaping @MainActor () -> Void) { on("changed", action) }
    public func onActivate(_ action: @escaping @MainActor () -> Void) { on("activate", action) }
}

/// A bar for long work; `fraction` nil pulses for work of unknown length.
@MainActor
public final class ProgressBar: Widget {
    public init(showText: Bool = true) {
        super.init(taking: gtk_progress_bar_new())
        gtk_progress_bar_set_show_text(pointer(), showText ? 1 : 0)
    }

    public var fraction: Double? {
        get { gtk_progress_bar_get_fraction(pointer()) }
        set {
            if let newValue { gtk_progress_bar_set_fraction(pointer(), min(1, max(0, newValue))) } else { gtk_progress_bar_pulse(pointer()) }
        }
    }

    public var text: String? {
        get { gtk_progress_bar_get_text(pointer()).map { String(cString: $0) } }
        set { gtk_progress_bar_set_text(pointer(), newValue) }
    }
}

/// A spinner for short waits.
@MainActor
public final class Spinner: Widget {
    public init(spinning: Bool = true) {
        super.init(taking: gtk_spinner_new())
        if spinning { gtk_spinner_start(pointer()) }
    }
}

/// A themed icon.
@MainActor
public final class Image: Widget {
    public init(iconName: String, pixelSize: Int32 = 16) {
        super.init(taking: gtk_image_new_from_icon_name(iconName))
        gtk_image_set_pixel_size(pointer(), pixelSize)
    }
}

/// A two-state switch.
@MainActor
public final class Switch: Widget {
    public init(active: Bool = false) {
        super.init(taking: gtk_switch_new())
        gtk_switch_set_active(pointer(), active ? 1 : 0)
    }

    public var isActive: Bool {
        get { gtk_switch_get_active(pointer()) != 0 }
        set { gtk_switch_set_active(pointer(), newValue ? 1 : 0) }
    }

    public func onToggled(_ action: @escaping @MainActor () -> Void) { on("notify::active", action) }
}

/// A thin line between areas.
@MainActor
public final class Separator: Widget {
    public init(vertical: Bool) {
        super.init(taking: gtk_separator_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL))
    }
}

/// A check box with a label.
@MainActor
public final class CheckButton: Widget {
    public init(_ label: String, active: Bool = false) {
        // Without a label it has no label child to be named by (a row's title names it).
        super.init(taking: label.isEmpty ? gtk_check_button_new() : gtk_check_button_new_with_label(label))
        gtk_check_button_set_active(pointer(), active ? 1 : 0)
        if !label.isEmpty { accessibleName(label) }
    }

    public var isActive: Bool {
        get { gtk_check_button_get_active(pointer()) != 0 }
        set { gtk_check_button_set_active(pointer(), newValue ? 1 : 0) }
    }

    public func onToggled(_ action: @escaping @MainActor () -> Void) { on("toggled", action) }

    /// The mixed state of a group's box when only some of its items are ticked.
    public var isInconsistent: Bool {
        get { gtk_check_button_get_inconsistent(pointer()) != 0 }
        set { gtk_check_button_set_inconsistent(pointer(), newValue ? 1 : 0) }
    }
}
