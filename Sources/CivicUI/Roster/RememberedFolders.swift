/// The folders the roster wizards remember between runs (`roster-folders.json`): where the last
/// batch files were chosen outside Downloads, and each case's last pack folder.
struct RememberedFolders: Codable, Equatable {
    var importFrom: String?
    var packInto: [String: String] = [:]

    private static let file = SettingsFile<RememberedFolders>(name: "roster-folders.json")

    static func load() -> RememberedFolders {
        file.load() ?? RememberedFolders()
    }

    func save() {
        Self.file.save(self)
    }
}
