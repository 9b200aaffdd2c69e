import CGtk
import CGtkShim
import CivicCore

/// A page for empty, waiting and finished states: icon, title, description, optional content.
@MainActor
public final class StatusPage: Widget {
    private var child: Widget?

    public init(iconName: String, title: String, description: String = "", child: Widget? = nil) {
        super.init(taking: adw_status_page_new())
        adw_status_page_set_icon_name(pointer(), iconName)
        self.title = title
        self.details = description
        if let child { setChild(child) }
    }

    public var title: String {
        get { adw_status_page_get_title(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_status_page_set_title(pointer(), newValue) }
    }

    /// The description under the title (Pango markup allowed).
    public var details: String {
        get { adw_status_page_get_description(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_status_page_set_description(pointer(), newValue) }
    }

    public var iconName: String {
        get { adw_status_page_get_icon_name(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_status_page_set_icon_name(pointer(), newValue) }
    }

    public func setChild(_ child: Widget?) {
        adw_status_page_set_child(pointer(), child?.widget)
        self.child = child
    }
}

/// A titled group of boxed rows, the form layout of GNOME settings.
@MainActor
public final class PreferencesGroup: Widget {
    private var rows: [Widget] = []
    private var suffix: Widget?

    public init(title: String = "", description: String = "") {
        super.init(taking: adw_preferences_group_new())
        adw_preferences_group_set_title(pointer(), title)
        if !description.isEmpty { adw_preferences_group_set_description(pointer(), description) }
    }

    @discardableResult
    public func add(_ row: Widget) -> Self {
        adw_preferences_group_add(pointer(), row.widget)
        rows.append(row)
        return self
    }

    public func remove(_ row: Widget) {
        adw_preferences_group_remove(pointer(), row.widget)
        rows.removeAll { $0 === row }
    }

    public func removeAll() {
        for row in rows { adw_preferences_group_remove(pointer(), row.widget) }
        rows.removeAll()
    }

    /// A widget beside the title (a button such as 重新整理).
    public func setHeaderSuffix(_ widget: Widget) {
        adw_preferences_group_set_header_suffix(pointer(), widget.widget)
        suffix = widget
    }

    public var details: String {
        get { adw_preferences_group_get_description(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_preferences_group_set_description(pointer(), newValue) }
    }
}

/// A boxed row with a title, a subtitle and widgets at its ends.
@MainActor
public final class ActionRow: Widget {
    private var attached: [Widget] = []

    public init(title: String, subtitle: String = "") {
        super.init(taking: adw_action_row_new())
        self.title = title
        self.subtitle = subtitle
    }

    public var title: String {
        get { adw_preferences_row_get_title(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_preferences_row_set_title(pointer(), newValue) }
    }

    public var subtitle: String {
        get { adw_action_row_get_subtitle(pointer()).map { String(cString: $0) } ?? "" }
        set { adw_action_row_set_subtitle(pointer(), newValue) }
    }

    /// Titles and subtitles are escaped by libadwaita as plain text unless this is on.
    public func useMarkup(_ enabled: Bool) {
        adw_preferences_row_set_use_markup(pointer(), enabled ? 1 : 0)
    }

    @discardableResult
    public func addPrefix(_ widget: Widget) -> Self {
        adw_action_row_add_prefix(pointer(), widget.widget)
        attached.append(widget)
        return self
    }

    @discardableResult
    public func addSuffix(_ widget: Widget) -> Self {
        adw_action_row_add_suffix(pointer(), widget.widget)
        attached.append(widget)
        return self
    }

    /// Makes the whole row activate `widget` (a switch, a button) when clicked.
    /// Activating the row activates `widget`, which the row also names by its title.
    public func setActivatable(_ widget: Widget) {
        adw_action_row_set_activatable_widget(pointer(), widget.widget)
    }

    public func onActivated(_ action: @escaping @MainActor () -> Void) {
        gtk_list_box_row_set_activatable(pointer(), 1)
        on("activated", action)
    }
}

/// A boxed row that is a text field with its title as placeholder and accessible name.
@MainActor
public class EntryRow: Widget {
    public override init(taking object: UnsafeMutableRawPointer) {
        super.init(taking: object)
    }

    private var suffixes: [Widget] = []

    /// Its text is named by `title` (the row's label).
    public convenience init(title: String) {
        self.init(taking: UnsafeMutableRawPointer(adw_entry_row_new()))
        adw_preferences_row_set_title(pointer(), title)
    }

    public var text: String {
        get { String(cString: gtk_editable_get_text(pointer())) }
        set { gtk_editable_set_text(pointer(), newValue) }
    }

    /// The row's label, which names its text.
    public var title: String {
        adw_preferences_row_get_title(pointer()).map { String(cString: $0) } ?? ""
    }

    /// True when nothing is typed; reads no text, so a secret is not copied to find out.
    public var isEmpty: Bool {
        gtk_editable_get_text(pointer()).map { $0.pointee == 0 } ?? true
    }

    /// How many characters are typed; counted in GTK's buffer, so a secret is not copied.
    public var textLength: Int {
        gtk_editable_get_text(pointer()).map { Int(g_utf8_strlen($0, -1)) } ?? 0
    }

    public func onChanged(_ action: @escaping @MainActor () -> Void) { on("changed", action) }

    /// Enter pressed in the field.
    public func onActivate(_ action: @escaping @MainActor () -> Void) {
        adw_entry_row_set_activates_default(pointer(), 0)
        on("entry-activated", action)
    }

    /// Marks the field as wrong (red) or clears the mark.
    public func setError(_ isError: Bool) {
        if isError { style("error") } else { removeStyle("error") }
    }

    /// A button after the text (讀取憑證 beside 憑證序號), kept alive with the row.
    public func addSuffixButton(_ button: Widget) {
        adw_entry_row_add_suffix(pointer(), button.widget)
        suffixes.append(button)
    }

    /// Makes Enter in the field activate the window's default (a dialog's default answer).
    public func activatesDefault() {
        adw_entry_row_set_activates_default(pointer(), 1)
    }
}

/// A boxed row for PINs and passwords: the text is hidden and never leaves the widget except
/// through `takeText()`, which clears it.
@MainActor
public final class PasswordEntryRow: EntryRow {
    /// Its text is named by `title`; the show-text button is named too.
    public init(title: String) {
        super.init(taking: UnsafeMutableRawPointer(adw_password_entry_row_new()))
        adw_preferences_row_set_title(pointer(), title)
        for button in parts(ofType: gtk_button_get_type()) {
            civic_accessible_set_label(button, tr("顯示或隱藏輸入的內容"))
        }
    }

    /// Returns the typed secret and empties the field, so it stays in memory no longer than needed.
    public func takeText() -> String {
        let value = text
        text = ""
        return value
    }

    /// Returns the typed PIN and empties the field. The bytes go straight from GTK's password
    /// buffer (which wipes its own memory) into a `PINCode`, never through a `String`.
    public func takePIN() -> PINCode {
        let pin: PINCode
        if let text = gtk_editable_get_text(pointer()) {
            let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
            pin = PINCode(copying: UnsafeBufferPointer(start: bytes, count: strlen(text)))
        } else {
            pin = PINCode(copying: UnsafeBufferPointer(start: nil, count: 0))
        }
        gtk_editable_set_text(pointer(), "")
        return pin
    }
}

/// A boxed row that folds out more rows (AdwExpanderRow): details shown on demand.
@MainActor
public final class ExpanderRow: Widget {
    private var rows: [Widget] = []
    /// libadwaita puts each new action before the others; one box keeps them in the order added.
    private let suffixes = Box(vertical: false, spacing: 12)

    public init(title: String, subtitle: String = "") {
        super.init(taking: adw_expander_row_new())
        adw_preferences_row_set_title(pointer(), title)
        adw_expander_row_set_subtitle(pointer(), subtitle)
        adw_expander_row_add_action(pointer(), suffixes.widget)
    }

    @discardableResult
    public func addRow(_ row: Widget) -> Self {
        adw_expander_row_add_row(pointer(), row.widget)
        rows.append(row)
        return self
    }

    /// A widget at the row's end, before its arrow (a badge, a button).
    @discardableResult
    public func addSuffix(_ widget: Widget) -> Self {
        suffixes.append(widget)
        return self
    }
}

/// The title bar of a pane, with room for buttons at both ends.
@MainActor
public final class HeaderBar: Widget {
    private var packed: [Widget] = []
    private var titleWidget: Widget?

    public init() {
        super.init(taking: adw_header_bar_new())
    }

    public func packStart(_ widget: Widget) {
        adw_header_bar_pack_start(pointer(), widget.widget)
        packed.append(widget)
    }

    public func packEnd(_ widget: Widget) {
        adw_header_bar_pack_end(pointer(), widget.widget)
        packed.append(widget)
    }

    public func setTitle(_ widget: Widget) {
        adw_header_bar_set_title_widget(pointer(), widget.widget)
        titleWidget = widget
    }

    public func showWindowButtons(start: Bool, end: Bool) {
        adw_header_bar_set_show_start_title_buttons(pointer(), start ? 1 : 0)
        adw_header_bar_set_show_end_title_buttons(pointer(), end ? 1 : 0)
    }
}

/// A title with an optional subtitle, for header bars.
@MainActor
public final class WindowTitle: Widget {
    public init(title: String, subtitle: String = "") {
        super.init(taking: adw_window_title_new(title, subtitle))
    }

    public var title: String {
        get { String(cString: adw_window_title_get_title(pointer())) }
        set { adw_window_title_set_title(pointer(), newValue) }
    }

    public var subtitle: String {
        get { String(cString: adw_window_title_get_subtitle(pointer())) }
        set { adw_window_title_set_subtitle(pointer(), newValue) }
    }
}

/// Shows short notices (toasts) over its child.
@MainActor
public final class ToastOverlay: Widget {
    private var child: Widget?

    public init() {
        super.init(taking: adw_toast_overlay_new())
    }

    public func setChild(_ child: Widget) {
        adw_toast_overlay_set_child(pointer(), child.widget)
        self.child = child
    }

    /// Shows `text` for a few seconds.
    public func show(_ text: String) {
        adw_toast_overlay_add_toast(pointer(), adw_toast_new(text))
    }
}

extension Widget {
    /// Shows `text` for a few seconds in the toast overlay of this widget's window (the
    /// nearest one above it), so an area needs no reference to the window.
    public func showToast(_ text: String) {
        guard let overlay = gtk_widget_get_ancestor(widget, adw_toast_overlay_get_type()) else { return }
        adw_toast_overlay_add_toast(OpaquePointer(overlay), adw_toast_new(text))
    }
}

/// A toolbar-like view stacking a header bar over content (libadwaita 1.2 has no ToolbarView).
@MainActor
public final class Pane: Widget {
    public let header: HeaderBar
    private let box: Box
    private var content: Widget?

    public init(header: HeaderBar = HeaderBar()) {
        self.header = header
        box = Box(vertical: true)
        super.init(taking: UnsafeMutableRawPointer(box.widget))
        box.append(header)
    }

    public func setContent(_ widget: Widget) {
        if let content { box.remove(content) }
        widget.expand(horizontally: true, vertically: true)
        box.append(widget)
        content = widget
    }
}

/// A boxed row offering a choice from a list (AdwComboRow over a string list).
@MainActor
public final class ComboRow: Widget {
    public init(title: String, choices: [String], selected: Int = 0) {
        super.init(taking: adw_combo_row_new())
        adw_preferences_row_set_title(pointer(), title)
        let list = gtk_string_list_new(nil)
        for choice in choices { gtk_string_list_append(list, choice) }
        adw_combo_row_set_model(pointer(), list)
        g_object_unref(UnsafeMutableRawPointer(list))
        adw_combo_row_set_selected(pointer(), guint(selected))
        accessibleName(title)
        // Named once: GTK 4.8 would read the title again from the row's label (labelled-by).
        gtk_accessible_reset_relation(OpaquePointer(widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
    }

    public var selectedIndex: Int {
        get { Int(adw_combo_row_get_selected(pointer())) }
        set { adw_combo_row_set_selected(pointer(), guint(newValue)) }
    }

    public func onSelectionChanged(_ action: @escaping @MainActor () -> Void) { on("notify::selected", action) }
}
