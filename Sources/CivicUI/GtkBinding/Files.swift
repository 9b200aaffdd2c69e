import CGtk
import CGtkShim
import Foundation

/// Choosing files and folders with the desktop's own dialog (GtkFileChooserNative, which uses the
/// portal where there is one), and opening folders in the file manager.
@MainActor
public enum FileChooser {
    /// Asks for existing files; `completion` gets the chosen paths (empty when cancelled).
    public static func openFiles(parent: UnsafeMutablePointer<GtkWindow>?, title: String, filterName: String,
                                 patterns: [String], startIn folder: String?, multiple: Bool = true,
                                 completion: @escaping @MainActor ([String]) -> Void) {
        let chooser = gtk_file_chooser_native_new(title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, tr("開啟"), tr("取消"))
        let filter = gtk_file_filter_new()
        gtk_file_filter_set_name(filter, filterName)
        for pattern in patterns { gtk_file_filter_add_pattern(filter, pattern) }
        gtk_file_chooser_add_filter(chooser, filter)
        g_object_unref(UnsafeMutableRawPointer(filter))
        gtk_file_chooser_set_select_multiple(chooser, multiple ? 1 : 0)
        present(chooser, startIn: folder, completion: completion)
    }

    /// Asks for a folder; `completion` gets it (nil when cancelled).
    public static func selectFolder(parent: UnsafeMutablePointer<GtkWindow>?, title: String, startIn folder: String?,
                                    completion: @escaping @MainActor (String?) -> Void) {
        let chooser = gtk_file_chooser_native_new(title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, tr("選擇"), tr("取消"))
        present(chooser, startIn: folder) { paths in completion(paths.first) }
    }

    private static func present(_ chooser: OpaquePointer?, startIn folder: String?,
                                completion: @escaping @MainActor ([String]) -> Void) {
        guard let chooser else { return completion([]) }
        let handle = GObjectHandle(taking: UnsafeMutableRawPointer(chooser))
        if let folder { _ = civic_file_chooser_set_folder_path(chooser, folder) }
        gtk_native_dialog_set_modal(handle.pointer(), 1)
        handle.onArgument("response") { response in
            let accepted = Int32(truncatingIfNeeded: Int(bitPattern: response)) == GTK_RESPONSE_ACCEPT.rawValue
            var paths: [String] = []
            if accepted, let list = civic_file_chooser_get_paths(handle.pointer()) {
                var index = 0
                while let path = list[index] {
                    paths.append(String(cString: path))
                    index += 1
                }
                g_strfreev(list)
            }
            completion(paths)
            openDialogs.removeAll { $0 === handle }
        }
        openDialogs.append(handle)
        gtk_native_dialog_show(handle.pointer())
    }

    /// Native dialogs are not owned by a window; they stay referenced here while open.
    private static var openDialogs: [GObjectHandle] = []

    /// Opens `path` (a folder or file) in the user's default application.
    public static func open(_ path: String, parent: UnsafeMutablePointer<GtkWindow>?) {
        let uri = URL(fileURLWithPath: path).absoluteString
        gtk_show_uri(parent, uri, guint32(GDK_CURRENT_TIME))
    }
}

/// File sizes as the desktop writes them (`12.3 kB`, `4.1 MB`: GLib's units, as the file manager).
public enum FileSize {
    public static func text(_ bytes: Int) -> String {
        guard let formatted = g_format_size(guint64(max(bytes, 0))) else { return "\(bytes)" }
        defer { g_free(formatted) }
        return String(cString: formatted)
    }
}

extension Widget {
    /// Calls `action` with the paths of files dropped on this widget.
    public func acceptFileDrops(_ action: @escaping @MainActor ([String]) -> Void) {
        let box = Unmanaged.passRetained(FilesClosure(action)).toOpaque()
        civic_widget_accept_file_drops(widget, FilesClosure.call, box, FilesClosure.release)
    }

    /// Puts `text` on the clipboard (certificate details, serial numbers).
    public func copyToClipboard(_ text: String) {
        gdk_clipboard_set_text(gtk_widget_get_clipboard(widget), text)
    }
}

/// A Swift closure given a C handler's NULL-terminated list of paths (drops, files to open).
@MainActor
final class FilesClosure {
    let action: @MainActor ([String]) -> Void
    init(_ action: @escaping @MainActor ([String]) -> Void) { self.action = action }

    /// The `CivicFilesHandler`: reads the paths and runs the closure passed as its data.
    static let call: CivicFilesHandler = { paths, data in
        guard let data, let paths else { return }
        var list: [String] = []
        var index = 0
        while let path = paths[index] {
            list.append(String(cString: path))
            index += 1
        }
        let closure = Unmanaged<FilesClosure>.fromOpaque(data).takeUnretainedValue()
        MainActor.assumeIsolated { closure.action(list) }
    }

    static let release: GDestroyNotify = { data in
        guard let data else { return }
        Unmanaged<FilesClosure>.fromOpaque(data).release()
    }
}
