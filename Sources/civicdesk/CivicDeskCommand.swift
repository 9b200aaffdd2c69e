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
        abstract: "CivicDesk：自然人憑證、機關憑證與公文的桌面工具。Without a subcommand, opens the window.",
        version: CivicDeskVersion.number,
        subcommands: [IDCommand.self, DateCommand.self, CardCommand.self, TokenCommand.self, RosterCommand.self,
                      RegistryCommand.self])

    func run() throws {
        let status = MainActor.assumeIsolated { CivicDeskApp().run() }
        throw ExitCode(status)
    }

    /// No core file of a crash (it would hold what was decrypted); usage errors exit with 2, as the
    /// other command-line tools of this project promise.
    static func main() {
        NoCoreDumps.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
