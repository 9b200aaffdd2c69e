import ArgumentParser
import CivicCore
import Foundation

/// Reads PINs as bytes (never as a `String`, which cannot be wiped): from the terminal with
/// echo off, or one per line from standard input. Never from the command line.
enum PINInput {
    struct NoPIN: UserFacingError {
        var message: UserMessage {
            UserMessage(zh: "沒有讀到 PIN 碼。", en: "No PIN was read.")
        }
    }

    /// A PIN to log in with: one of a length no card's PIN has is refused here, before it reaches
    /// the card, so it costs no try (the window's PIN step cannot submit one at all).
    static func readForLogin(prompt: UserMessage, fromStandardInput: Bool) throws -> PINCode {
        let pin = try read(prompt: prompt, fromStandardInput: fromStandardInput)
        do {
            try PINPolicy.checkEnteredPIN(pin)
        } catch {
            pin.wipe()
            throw Terminal.fail(error)
        }
        return pin
    }

    /// One PIN: typed at the terminal after `prompt` (echo off), or the next line of standard
    /// input when it is not a terminal or `fromStandardInput` is set.
    static func read(prompt: UserMessage, fromStandardInput: Bool) throws -> PINCode {
        let interactive = !fromStandardInput && isatty(STDIN_FILENO) == 1
        if interactive { FileHandle.standardError.write(Data((Terminal.text(prompt) + " ").utf8)) }
        var saved = termios()
        if interactive {
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if interactive {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        var sawAnything = false
        while Foundation.read(STDIN_FILENO, &byte, 1) == 1 {
            sawAnything = true
            if byte == 0x0A { break }
            if byte != 0x0D { line.append(byte) }
        }
        byte = 0
        guard sawAnything, !line.isEmpty else { throw Terminal.fail(NoPIN()) }
        return PINCode(wiping: &line)
    }
}
