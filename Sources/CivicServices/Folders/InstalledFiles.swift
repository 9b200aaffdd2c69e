import Foundation

/// Where the files installed beside the program are, so one binary finds them wherever it was
/// put: under `make install`'s prefix (`/usr/local/bin/civicdesk` → `/usr/local/share/…`), in a
/// Debian package (`/usr/…`) and in the build tree (`.build/<triple>/release/civicdesk` →
/// `.build/<triple>/share/…`, which `make build` stages). The share folder is the executable's
/// `../share`; where it holds no data (a plain `swift build`), the source tree's `data/` above the
/// executable serves. A variable overrides each folder:
///
/// | variable | what | default |
/// |---|---|---|
/// | `CIVICDESK_DATA_DIR` | templates, DTDs, the permissions catalogue, the agency directory | `{share}/civicdesk` |
/// | `CIVICDESK_LOCALEDIR` | the compiled gettext catalogues (`{lang}/LC_MESSAGES/civicdesk.mo`) | `{share}/locale` |
public struct InstalledFiles: Sendable, Equatable {
    public var data: URL
    public var locale: URL

    /// `executable` is the running program's own file (symbolic links resolved), which is how the
    /// prefix is found without compiling it in.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: URL = InstalledFiles.runningExecutable,
                fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        let share = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share", isDirectory: true)
        func given(_ name: String) -> URL? {
            environment[name].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        }
        let installed = share.appendingPathComponent("civicdesk", isDirectory: true)
        data = given("CIVICDESK_DATA_DIR")
            ?? (fileExists(installed.path) ? installed : Self.sourceData(above: executable, fileExists: fileExists))
            ?? installed
        locale = given("CIVICDESK_LOCALEDIR") ?? share.appendingPathComponent("locale", isDirectory: true)
    }

    /// The source tree's `data/` in one of the folders above `executable` (a build tree's binary).
    private static func sourceData(above executable: URL, fileExists: (String) -> Bool) -> URL? {
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            let data = folder.appendingPathComponent("data", isDirectory: true)
            if fileExists(data.appendingPathComponent("templates").path) { return data }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// This process's executable as the kernel knows it (`/proc/self/exe`), else argv[0].
    public static var runningExecutable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "civicdesk").standardizedFileURL
    }
}
