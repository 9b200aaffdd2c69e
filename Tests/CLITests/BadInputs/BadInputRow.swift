import Foundation
import Testing

/// One row of the bad-input table: a command run with one kind of bad input, and what it must
/// answer. Arguments may hold placeholders the bench fills in per row (`{ws}` the row's
/// workspace, `{trust}` the test PKI's anchors, `{file:NAME}` a shared input file, `{pki:PATH}` a
/// test PKI file, `{row}` the row's own folder, `{ro}` a read-only folder).
struct BadInputRow: Sendable, CustomTestStringConvertible {
    /// The workspace the command meets.
    enum Setup: String, Sendable {
        /// No workspace at all.
        case none
        /// Batch 1 of case 113002 imported by the lead person.
        case imported
        /// As `imported`, then the case purged.
        case purged
        /// As `imported`, then a migration a newer CivicDesk would have written.
        case newer
        /// The `imported` workspace on a file system mounted read-only.
        case readOnly
        /// The office 10001 registered with the `gca` and `admin` cards.
        case registered
    }

    let command: String
    let input: String
    let arguments: [String]
    var setup: Setup = .none
    /// Lines on standard input (PINs, in the order the cards are asked for).
    var stdin: [String] = []
    var environment: [String: String] = [:]
    let exit: Int32
    /// A distinctive part of the message (standard error, or output for `id check`).
    let message: String

    init(_ command: String, _ input: String, _ arguments: [String], setup: Setup = .none, stdin: [String] = [],
         environment: [String: String] = [:], exit: Int32, _ message: String) {
        self.command = command
        self.input = input
        self.arguments = arguments
        self.setup = setup
        self.stdin = stdin
        self.environment = environment
        self.exit = exit
        self.message = message
    }

    var testDescription: String { "\(command): \(input)" }
}

extension BadInputTable {
    /// README.md of this folder: every row, as the table states it.
    static var markdown: String {
        var lines = [
            "# Bad inputs, counted",
            "",
            "Every kind of bad input each command meets, and the message it must give (issue 16 item 5).",
            "Each row is a test, `BadInputTests` in this folder, which runs the real `civicdesk` against a card lab",
            "(SoftHSM2 tokens, PIN 123456) and checks the exit status, that the message contains the words below,",
            "and that nothing changed: the workspace database (`sqlite3 .dump`) and the files in the row's folder",
            "are as before, so no output file appears. This file is generated from `BadInputTable.swift`:",
            "`CIVICDESK_WRITE_BADINPUT_README=1 swift test --skip-build --filter BadInputTests` rewrites it,",
            "and a test fails when it differs from the table.",
            "",
            "Placeholders: `{ws}` the row's workspace (set up as the Setup column says), `{trust}` the test PKI's",
            "trust anchors, `{file:NAME}` an input file made once for all rows, `{pki:PATH}` a file of",
            "`data/test-pki`, `{row}` the row's own folder, `{ro}` a folder on a file system mounted read-only.",
            "",
            "| # | Command | Bad input | Arguments | Setup | PINs | Exit | Message contains |",
            "|---|---------|-----------|-----------|-------|------|------|------------------|",
        ]
        for (index, row) in rows.enumerated() {
            let arguments = row.arguments.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ")
            let environment = row.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
            let cells = ["\(index + 1)", row.command, row.input, "`\(environment)\(arguments)`", row.setup.rawValue,
                         row.stdin.isEmpty ? "" : row.stdin.joined(separator: ", "), "\(row.exit)", row.message]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        lines += ["", "Covered by other tests, so not repeated here:", ""] + coveredElsewhere.map { "- \($0)" }
        lines += ["", "Left out because they cannot be made real here:", ""] + leftOut.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
