/// What the window remembers between runs: its size and the area last shown.
struct WindowState: Codable, Equatable {
    var width: Int32 = 1100
    var height: Int32 = 720
    var maximized = false
    var area = "roster"

    private static let file = SettingsFile<WindowState>(name: "window.json")

    static func load() -> WindowState {
        file.load() ?? WindowState()
    }

    func save() {
        Self.file.save(self)
    }
}
