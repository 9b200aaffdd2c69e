import ArgumentParser
import CivicCore
import CivicFiles
import CivicUI
import Foundation

/// `civicdesk`: the window when run without a subcommand, headless tools otherwise.
@main
struct CivicDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicdesk",
        abstract: "CivicDesk：自然人憑證、機關憑證與公文的桌面工具。Without a subcommand, opens the window; "
            + "with files (civicdesk FILE…), opens .cec roster batches and .di letters in it.",
        version: CivicDeskVersion.number,
        subcommands: [IDCommand.self, DateCommand.self, CardCommand.self, TokenCommand.self, RosterCommand.self,
                      RegistryCommand.self, DocCommand.self])

    func run() throws {
        Self.openWindow(files: [])
    }

    /// The window, opening `files` (in the running instance if there is one); exits with its status.
    static func openWindow(files: [String]) -> Never {
        let status = MainActor.assumeIsolated { CivicDeskApp().run(opening: files) }
        Foundation.exit(status)
    }

    /// `civicdesk FILE…`, as the desktop entry runs it for files opened in the file manager: every
    /// argument an existing file and the first no subcommand's name. Anything else is parsed as
    /// subcommands and options, so a mistyped name is still a usage error.
    static func filesToOpen(_ arguments: [String]) -> [String]? {
        let subcommands = Set(configuration.subcommands.map { $0._commandName })
        guard let first = arguments.first, !subcommands.contains(first),
              arguments.allSatisfy({ !$0.hasPrefix("-") && FileManager.default.fileExists(atPath: $0) }) else { return nil }
        return arguments
    }

    /// No core file of a crash (it would hold what was decrypted); usage errors exit with 2, as the
    /// other command-line tools of this project promise, in the user's language.
    static func main() {
        NoCoreDumps.apply()
        if let files = filesToOpen(Array(CommandLine.arguments.dropFirst())) { openWindow(files: files) }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((UsageErrorText.localized(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
