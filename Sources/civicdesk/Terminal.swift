import ArgumentParser
import CivicCore
import Foundation

/// What the card and token commands share with the terminal: messages in the user's language,
/// failures reported without a stack of Swift error text, and PINs read without echo.
enum Terminal {
    /// The message in the locale's language (English only when the locale asks for it).
    static func text(_ message: UserMessage) -> String {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return message.text(forLocale: locale)
    }

    /// Prints the error's message on standard error; the command then exits with status 1.
    static func fail(_ error: some UserFacingError) -> Error {
        FileHandle.standardError.write(Data((text(error.message) + "\n").utf8))
        return ExitCode.failure
    }

    /// Runs `body`; an error the user can act on is printed and becomes exit status 1.
    static func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as UserFacingError {
            throw fail(error)
        }
    }

    /// Writes a line to standard error at once.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes a line at once (standard output is a pipe under tests and `| tee`).
    static func printNow(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
