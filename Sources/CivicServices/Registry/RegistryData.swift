import CivicCore
import Foundation

/// Where the registry's data files are found: the permissions catalogue and the agency directory
/// ship in `data/` of the source tree and in `share/civicdesk/` of an installation; reviewers'
/// certificates are the machine's own setting.
///
/// | variable | what | default |
/// |---|---|---|
/// | `CIVICDESK_DATA_DIR` | holds `permissions.json`, `agencies.csv` | `InstalledFiles`' data folder |
/// | `CIVICDESK_REVIEWERS_DIR` | reviewers' certificates (PEM), who may approve or reject 待審核 applications | `$XDG_CONFIG_HOME/civicdesk/reviewers`, `~/.config/civicdesk/reviewers` |
public struct RegistryData: Sendable {
    public let dataFolder: URL
    public let reviewersFolder: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func given(_ name: String) -> URL? {
            environment[name].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        }
        dataFolder = InstalledFiles(environment: environment).data
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        reviewersFolder = given("CIVICDESK_REVIEWERS_DIR") ?? URL(fileURLWithPath: configHome + "/civicdesk/reviewers", isDirectory: true)
    }

    public var permissionsFile: URL { dataFolder.appendingPathComponent("permissions.json") }
    public var agencyDirectoryFile: URL { dataFolder.appendingPathComponent("agencies.csv") }

    public func catalogue() throws(RegistryProblem) -> PermissionCatalogue {
        try PermissionCatalogue(json: try Self.contents(permissionsFile))
    }

    /// The agency directory in `file`, else the shipped one.
    public func directory(_ file: URL? = nil) throws -> AgencyDirectory {
        try AgencyDirectory(csv: String(decoding: try Self.contents(file ?? agencyDirectoryFile), as: UTF8.self))
    }

    static func contents(_ file: URL) throws(RegistryProblem) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .directory(UserMessage(zh: "無法讀取「\(file.path)」。", en: "“\(file.path)” cannot be read."))
        }
        return [UInt8](data)
    }
}
