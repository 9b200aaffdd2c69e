import Foundation

/// Where CivicDesk keeps and finds things: the workspace, the trust anchors, the Downloads folder
/// the import's file chooser starts in and the Documents folder packing writes under. Decided
/// in one place from the environment and the command line's options, so the window and the
/// command line agree, and the demo (or a test) can point both elsewhere:
///
/// | variable | what | default |
/// |---|---|---|
/// | `CIVICDESK_WORKSPACE` | the workspace folder (`--workspace` wins) | `$XDG_DATA_HOME/civicdesk`, `~/.local/share/civicdesk` |
/// | `CIVICDESK_TRUST_DIR` | the trust anchors' folder (`--trust` adds more) | `$XDG_DATA_HOME/civicdesk/trust` when it exists |
/// | `CIVICDESK_DOWNLOADS_DIR` | where `.cec` files are looked for | `XDG_DOWNLOAD_DIR` of `user-dirs.dirs`, `~/Downloads` |
/// | `CIVICDESK_DOCUMENTS_DIR` | under which packing writes `CivicDesk/{caseId}/` | `XDG_DOCUMENTS_DIR`, `~/Documents` |
public struct CivicDeskFolders: Sendable, Equatable {
    public var workspace: URL
    /// Every folder whose certificates are trust anchors; empty when none is configured.
    public var trust: [URL]
    /// Where the anchors are configured to be (`CIVICDESK_TRUST_DIR` or the standard folder),
    /// existing or not: named when there are none.
    public var configuredTrust: URL
    public var downloads: URL
    public var documents: URL

    public init(workspace: URL, trust: [URL], configuredTrust: URL, downloads: URL, documents: URL) {
        self.workspace = workspace
        self.trust = trust
        self.configuredTrust = configuredTrust
        self.downloads = downloads
        self.documents = documents
    }

    /// The folders as `environment` and the options say. `workspace` (`--workspace`) overrides
    /// the environment; `extraTrust` (`--trust`) adds folders to the configured one.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, workspace: String? = nil,
                extraTrust: [String] = [], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory(), isDirectory: true)
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0, isDirectory: true) : nil }
            ?? home.appendingPathComponent(".local/share", isDirectory: true)
        func given(_ name: String) -> URL? {
            environment[name].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        }
        self.workspace = workspace.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? given("CIVICDESK_WORKSPACE")
            ?? dataHome.appendingPathComponent("civicdesk", isDirectory: true)
        let configured = given("CIVICDESK_TRUST_DIR")
        configuredTrust = configured ?? dataHome.appendingPathComponent("civicdesk/trust", isDirectory: true)
        let standing = configured != nil || fileExists(configuredTrust.path) ? [configuredTrust] : []
        trust = standing + extraTrust.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let userDirs = UserDirectories(home: home, environment: environment)
        downloads = given("CIVICDESK_DOWNLOADS_DIR") ?? userDirs.folder("XDG_DOWNLOAD_DIR") ?? home.appendingPathComponent("Downloads")
        documents = given("CIVICDESK_DOCUMENTS_DIR") ?? userDirs.folder("XDG_DOCUMENTS_DIR") ?? home.appendingPathComponent("Documents")
    }

    /// Packing's default output folder: `{documents}/CivicDesk/{caseId}/` (spec §5).
    public func packFolder(caseId: String) -> URL {
        documents.appendingPathComponent("CivicDesk", isDirectory: true).appendingPathComponent(caseId, isDirectory: true)
    }
}

/// The desktop's own names for Downloads and Documents (`~/.config/user-dirs.dirs`, written by
/// xdg-user-dirs: on a Chinese desktop they are `~/下載` and `~/文件`).
struct UserDirectories {
    private var entries: [String: String] = [:]
    private let home: URL

    init(home: URL, environment: [String: String]) {
        self.home = home
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home.path + "/.config"
        guard let text = try? String(contentsOfFile: configHome + "/user-dirs.dirs", encoding: .utf8) else { return }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            entries[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
    }

    /// The folder named by `key`, with `$HOME` expanded; nil when unset or the home folder itself
    /// (which xdg-user-dirs writes for a disabled folder).
    func folder(_ key: String) -> URL? {
        guard let value = entries[key] else { return nil }
        let path = value.hasPrefix("$HOME") ? home.path + value.dropFirst("$HOME".count) : value
        guard path.hasPrefix("/"), URL(fileURLWithPath: path).standardizedFileURL != home.standardizedFileURL else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
