import CGtk
import Foundation

/// A small JSON file of what the window remembers between runs, in `~/.config/civicdesk/`
/// (`XDG_CONFIG_HOME`). Saved whole (a temporary file renamed), so a crash never leaves half a
/// file; a missing or unreadable one reads as the defaults.
struct SettingsFile<Value: Codable> {
    let name: String

    var url: URL {
        URL(fileURLWithPath: String(cString: g_get_user_config_dir()))
            .appendingPathComponent("civicdesk", isDirectory: true)
            .appendingPathComponent(name)
    }

    func load() -> Value? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }

    func save(_ value: Value) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONEncoder().encode(value).write(to: url, options: .atomic)
        } catch {
            // Losing a remembered setting is harmless; the next start uses the default.
        }
    }
}
