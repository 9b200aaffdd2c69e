import ArgumentParser
import CivicCore
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
                      DocCommand.self])

    func run() throws {
        let status = MainActor.assumeIsolated { CivicDeskApp().run() }
        throw ExitCode(status)
    }

    /// Usage errors exit with 2, as the other command-line tools of this project promise.
    static func main() {
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
