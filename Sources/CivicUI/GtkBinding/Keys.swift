import CGtk

extension Widget {
    /// Runs `action` when `trigger` (`Escape`, `Return`) is pressed anywhere in the window while
    /// this widget is on screen and the focused widget did not take the key itself: a wizard's
    /// Escape to cancel. `action` returns whether it used the key.
    public func onKey(_ trigger: String, _ action: @escaping @MainActor () -> Bool) {
        guard let controller = gtk_shortcut_controller_new() else { return }
        gtk_shortcut_controller_set_scope(controller, GTK_SHORTCUT_SCOPE_MANAGED)
        let box = Unmanaged.passRetained(DecidingClosure(action)).toOpaque()
        let callback = gtk_callback_action_new({ widget, _, data in
            guard let widget, let data, gtk_widget_get_mapped(widget) != 0 else { return 0 }
            let closure = Unmanaged<DecidingClosure>.fromOpaque(data).takeUnretainedValue()
            return MainActor.assumeIsolated { closure.action() } ? 1 : 0
        }, box, { data in
            guard let data else { return }
            Unmanaged<DecidingClosure>.fromOpaque(data).release()
        })
        gtk_shortcut_controller_add_shortcut(controller, gtk_shortcut_new(gtk_shortcut_trigger_parse_string(trigger), callback))
        gtk_widget_add_controller(widget, controller)
    }

    /// Takes the keyboard focus away from whatever holds it in this widget's window (a page
    /// replaced by the next keeps no focus on hidden controls), so keys go to the window's shortcuts.
    public func clearWindowFocus() {
        if let root = gtk_widget_get_root(widget) { gtk_root_set_focus(root, nil) }
    }

    /// Makes this widget (a button) the one Enter activates in its window, unless the focused
    /// widget takes Enter itself. Does nothing while the widget is not in a window.
    public func makeWindowDefault() {
        if let window = rootWindow { gtk_window_set_default_widget(window, widget) }
    }

    /// Stops being the widget Enter activates (its page was hidden), if it was.
    public func resignWindowDefault() {
        if let window = rootWindow, gtk_window_get_default_widget(window) == widget { gtk_window_set_default_widget(window, nil) }
    }

    /// Activates the widget as a click or Enter would (false when it is insensitive or hidden).
    @discardableResult
    public func activate() -> Bool {
        gtk_widget_is_visible(widget) != 0 && gtk_widget_activate(widget) != 0
    }
}
