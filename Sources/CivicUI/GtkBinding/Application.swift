import CGtk
import CGtkShim
import Foundation

/// The running program (AdwApplication): one instance per session through D-Bus, so a second
/// launch activates the first one instead of opening another window.
@MainActor
public final class Application: GObjectHandle {
    private var actions: [GObjectHandle] = []

    /// Handles "open" too: files given on the command line or by the file manager reach the
    /// running instance (`onOpen`).
    public init(id: String) {
        super.init(taking: adw_application_new(id, G_APPLICATION_HANDLES_OPEN))
    }

    public var application: UnsafeMutablePointer<GApplication> { pointer() }

    /// Called on first start and on every later launch (which GTK forwards to this process).
    public func onActivate(_ action: @escaping @MainActor () -> Void) {
        on("activate", action)
    }

    /// Called instead of activate when the program is started with files (`civicdesk FILE…`,
    /// the file manager's 開啟): their local paths, in this process even when launched again.
    public func onOpen(_ action: @escaping @MainActor ([String]) -> Void) {
        let box = Unmanaged.passRetained(FilesClosure(action)).toOpaque()
        civic_application_on_open(application, FilesClosure.call, box, FilesClosure.release)
    }

    public func onStartup(_ action: @escaping @MainActor () -> Void) {
        on("startup", action)
    }

    /// An application action (`app.NAME`) with optional keyboard shortcuts such as `<Control>q`.
    public func addAction(_ name: String, accelerators: [String] = [], _ handler: @escaping @MainActor () -> Void) {
        let action = GObjectHandle(taking: UnsafeMutableRawPointer(g_simple_action_new(name, nil)))
        action.on("activate", handler)
        g_action_map_add_action(pointer(), action.pointer())
        actions.append(action)
        if !accelerators.isEmpty { setAccelerators(for: "app.\(name)", accelerators) }
    }

    public func setAccelerators(for detailedAction: String, _ accelerators: [String]) {
        var cStrings = accelerators.map { strdup($0) } + [nil]
        cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { list in
                gtk_application_set_accels_for_action(pointer(), detailedAction, list)
            }
        }
        for string in cStrings { free(string) }
    }

    /// Runs the main loop until the last window closes; returns the exit status. `files` are
    /// opened (in the instance already running, if there is one) instead of a plain activation.
    public func run(opening files: [String] = []) -> Int32 {
        MainThread.attachDispatchQueue()
        var arguments = (["civicdesk"] + files).map { strdup($0) }
        defer { for argument in arguments { free(argument) } }
        return arguments.withUnsafeMutableBufferPointer { buffer in
            g_application_run(application, Int32(buffer.count), buffer.baseAddress)
        }
    }

    public func quit() {
        g_application_quit(application)
    }
}

/// The main window (AdwApplicationWindow), whose content fills it edge to edge.
@MainActor
public final class ApplicationWindow: Widget {
    private var content: Widget?

    public init(application: Application) {
        super.init(taking: adw_application_window_new(application.pointer()))
    }

    public var window: UnsafeMutablePointer<GtkWindow> { pointer() }

    public var title: String {
        get { gtk_window_get_title(window).map { String(cString: $0) } ?? "" }
        set { gtk_window_set_title(window, newValue) }
    }

    public func setContent(_ widget: Widget) {
        adw_application_window_set_content(pointer(), widget.widget)
        content = widget
    }

    public func setDefaultSize(width: Int32, height: Int32) {
        gtk_window_set_default_size(window, width, height)
    }

    /// The size the window has now (what to remember for the next start).
    public var currentSize: (width: Int32, height: Int32) {
        var width: Int32 = 0
        var height: Int32 = 0
        gtk_window_get_default_size(window, &width, &height)
        return (width, height)
    }

    public var isMaximized: Bool {
        get { gtk_window_is_maximized(window) != 0 }
        set { if newValue { gtk_window_maximize(window) } else { gtk_window_unmaximize(window) } }
    }

    public func present() {
        gtk_window_present(window)
    }

    /// Return true to keep the window open.
    public func onCloseRequest(_ action: @escaping @MainActor () -> Bool) {
        onDecide("close-request", action)
    }
}
