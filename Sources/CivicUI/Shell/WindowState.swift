import CGtk
import Foundation

/// What the window remembers between runs: its size and the area last shown. Saved whole
/// (written to a temporary file and renamed), so a crash never leaves half a file.
struct WindowState: Codable, Equatable {
    var width: Int32 = 1100
    var height: Int32 = 720
    var maximized = false
    var area = "roster"

    static var fileURL: URL {
        URL(fileURLWithPath: String(cString: g_get_user_config_dir()))
            .appendingPathComponent("civicdesk", isDirectory: true)
            .appendingPathComponent("window.json")
    }

    static func load() -> WindowState {
        guard let data = try? Data(contentsOf: fileURL),
              let state = try? JSONDecoder().decode(WindowState.self, from: data) else { return WindowState() }
        return state
    }

    func save() {
        let url = Self.fileURL
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONEncoder().encode(self).write(to: url, options: .atomic)
        } catch {
            // Losing the remembered size is harmless; the next start uses the defaults.
        }
    }
}
