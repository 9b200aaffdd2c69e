import CGtk

/// A question with answers (AdwMessageDialog), modal to a window. The chosen answer's id is
/// passed to `onResponse`; closing the dialog answers with the close response.
@MainActor
public final class MessageDialog: Widget {
    public struct Answer: Sendable {
        public enum Kind: Sendable { case normal, suggested, destructive }
        public let id: String
        public let label: String
        public let kind: Kind

        public init(id: String, label: String, kind: Kind = .normal) {
            self.id = id
            self.label = label
            self.kind = kind
        }
    }

    private var extra: Widget?

    public init(parent: UnsafeMutablePointer<GtkWindow>?, heading: String, body: String,
                answers: [Answer], defaultAnswer: String? = nil, closeAnswer: String? = nil) {
        super.init(taking: adw_message_dialog_new(parent, heading, body))
        for answer in answers {
            adw_message_dialog_add_response(pointer(), answer.id, answer.label)
            switch answer.kind {
            case .normal: break
            case .suggested: adw_message_dialog_set_response_appearance(pointer(), answer.id, ADW_RESPONSE_SUGGESTED)
            case .destructive: adw_message_dialog_set_response_appearance(pointer(), answer.id, ADW_RESPONSE_DESTRUCTIVE)
            }
        }
        parts(ofType: gtk_button_get_type()).forEach(Button.nameOnce)
        if let defaultAnswer { adw_message_dialog_set_default_response(pointer(), defaultAnswer) }
        if let closeAnswer { adw_message_dialog_set_close_response(pointer(), closeAnswer) }
        accessibleName(heading)
    }

    /// Extra content under the body (a PIN field, a list).
    public func setExtraChild(_ widget: Widget) {
        adw_message_dialog_set_extra_child(pointer(), widget.widget)
        extra = widget
    }

    public func setAnswerEnabled(_ id: String, _ enabled: Bool) {
        adw_message_dialog_set_response_enabled(pointer(), id, enabled ? 1 : 0)
    }

    public func onResponse(_ action: @escaping @MainActor (String) -> Void) {
        onArgument("response") { argument in
            let id = argument.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            action(id)
        }
    }

    public func present() {
        gtk_window_present(pointer())
    }

    /// Closes the dialog without an answer (what it was about went away).
    public func close() {
        gtk_window_destroy(pointer())
    }
}

/// The About window with version, licence and credits.
@MainActor
public enum AboutWindow {
    public static func present(parent: UnsafeMutablePointer<GtkWindow>?, name: String, iconName: String, version: String,
                               comments: String, website: String, developers: [String], copyright: String) {
        let about = adw_about_window_new()
        let window = OpaquePointer(about)
        adw_about_window_set_application_name(window, name)
        adw_about_window_set_application_icon(window, iconName)
        adw_about_window_set_version(window, version)
        adw_about_window_set_comments(window, comments)
        adw_about_window_set_website(window, website)
        adw_about_window_set_license_type(window, GTK_LICENSE_MIT_X11)
        adw_about_window_set_copyright(window, copyright)
        var names = developers.map { strdup($0) } + [nil]
        names.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { list in
                adw_about_window_set_developers(window, list)
            }
        }
        for name in names { free(name) }
        let gtkWindow = UnsafeMutableRawPointer(about!).assumingMemoryBound(to: GtkWindow.self)
        gtk_window_set_transient_for(gtkWindow, parent)
        gtk_window_set_modal(gtkWindow, 1)
        gtk_window_present(gtkWindow)
    }
}

/// The primary menu (the ☰ button at the end of the header bar).
@MainActor
public final class MenuButton: Widget {
    private let menu: GObjectHandle

    /// `items` are (label, detailed action such as `app.about`).
    public init(iconName: String, accessibleName name: String, items: [(String, String)]) {
        let model = g_menu_new()
        for (label, action) in items { g_menu_append(model, label, action) }
        menu = GObjectHandle(taking: UnsafeMutableRawPointer(model!))
        super.init(taking: gtk_menu_button_new())
        gtk_menu_button_set_icon_name(pointer(), iconName)
        gtk_menu_button_set_menu_model(pointer(), menu.pointer())
        gtk_menu_button_set_primary(pointer(), 1)
        accessibleName(name)
        tooltip = name
    }
}
