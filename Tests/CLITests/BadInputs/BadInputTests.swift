import CivicTestSupport
import Foundation
import Testing

/// Runs every row of `BadInputTable` with the real `civicdesk`: the exit status, the message,
/// and nothing changed. Serialized: the rows share one card lab and its tokens' PIN counters.
@Suite("Bad inputs, counted", .serialized)
struct BadInputTests {
    @Test("each bad input is refused with its message, and nothing changes", arguments: BadInputTable.rows)
    func row(_ row: BadInputRow) throws {
        let bench = try BadInputBench.shared.get()
        let run = try BadInputRun(row, on: bench)
        let arguments = try run.arguments()
        let before = try run.snapshot()
        let result = try bench.run(arguments, stdin: row.stdin, environment: row.environment, home: run.folder.url)
        #expect(result.status == row.exit, "exit \(result.status): \(result.error)\(result.output)")
        #expect((result.error + result.output).contains(row.message), "\(result.error)\(result.output)")
        let after = try run.snapshot()
        #expect(after == before, "changed: \(after.difference(from: before).map { "\($0)" })")
    }

    @Test("README.md lists every row of the table, as the table states it")
    func readme() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("README.md")
        if ProcessInfo.processInfo.environment["CIVICDESK_WRITE_BADINPUT_README"] == "1" {
            try BadInputTable.markdown.write(to: readme, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: readme, encoding: .utf8) == BadInputTable.markdown,
                "README.md differs from BadInputTable: CIVICDESK_WRITE_BADINPUT_README=1 swift test --skip-build --filter BadInputTests")
        #expect(BadInputTable.rows.count >= 60)
    }
}
