import CivicCrypto
import Foundation

extension CivicDeskFolders {
    /// The folder of CivicDesk's own data (`templates/`, `di/`, …): `CIVICDESK_DATA_DIR`, else
    /// `share/civicdesk` beside the executable's `bin/` (installed under a prefix or packaged),
    /// else the source tree's `data/` above the build folder (`swift build`), else
    /// `/usr/share/civicdesk`.
    public static func data(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "civicdesk").resolvingSymlinksInPath(),
                            fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> URL {
        if let given = environment["CIVICDESK_DATA_DIR"], !given.isEmpty { return URL(fileURLWithPath: given, isDirectory: true) }
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/civicdesk", isDirectory: true)
        if fileExists(installed.appendingPathComponent("templates").path) { return installed }
        for _ in 0..<5 {
            let source = folder.appendingPathComponent("data", isDirectory: true)
            if fileExists(source.appendingPathComponent("templates").path) { return source }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/usr/share/civicdesk", isDirectory: true)
    }

    /// The trust anchors of every folder in `trust` (blocking: reads and checks them).
    public func loadTrust() throws -> TrustStore {
        guard !trust.isEmpty else { throw RosterServiceError.noTrustAnchors(folder: configuredTrust.path) }
        return try TrustStore(anchors: trust.flatMap { try TrustStore(folder: $0).anchors })
    }
}
