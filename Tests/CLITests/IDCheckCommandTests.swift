import CivicTestSupport
import Foundation
import Testing

/// `civicdesk id check` run as a user runs it, against an independent statement of the rules.
@Suite("civicdesk id check")
struct IDCheckCommandTests {
    @Test("agrees with the checksum rules on 200 generated IDs and every single-digit corruption")
    func generatedAndCorrupted() throws {
        var ids: [String] = []
        for seed in 0..<200 {
            let id = ReferenceIDRules.generatedID(seed * 7919)
            ids.append(id)
            var characters = Array(id)
            for position in 1..<10 {
                let original = characters[position]
                for digit in "0123456789" where digit != original {
                    characters[position] = digit
                    ids.append(String(characters))
                }
                characters[position] = original
            }
        }
        let result = try BuiltProduct.run("civicdesk", ["id", "check", "--stdin"],
                                          standardInput: Data(ids.joined(separator: "\n").utf8))
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == ids.count)
        var disagreements: [String] = []
        for (id, line) in zip(ids, lines) {
            let saysValid = line.hasPrefix("\(id)：有效")
            if saysValid != ReferenceIDRules.isNationalID(id) { disagreements.append(line) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(ids.count == 200 * 82)
        #expect(result.status == 1, "some corruptions are invalid, so the whole check fails")
    }

    @Test func exitStatus() throws {
        #expect(try BuiltProduct.run("civicdesk", ["id", "check", "A123456789"]).status == 0)
        let invalid = try BuiltProduct.run("civicdesk", ["id", "check", "A123456788"])
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("檢查碼不符"))
        #expect(try BuiltProduct.run("civicdesk", ["id", "check"]).status == 2)
        #expect(try BuiltProduct.run("civicdesk", ["id", "frobnicate"]).status == 2)
    }

    @Test func residentNumbersAreNamed() throws {
        let result = try BuiltProduct.run("civicdesk", ["id", "check", "AA00000009"])
        #expect(result.status == 1)
        #expect(result.output.contains("舊式居留證"))
    }

    @Test func rocDates() throws {
        #expect(try BuiltProduct.run("civicdesk", ["date", "roc", "2024-03-04"]).output == "113/03/04\n")
        #expect(try BuiltProduct.run("civicdesk", ["date", "roc", "--long", "2024-03-04"]).output == "中華民國113年3月4日\n")
        #expect(try BuiltProduct.run("civicdesk", ["date", "iso", "113/03/04"]).output == "2024-03-04\n")
        #expect(try BuiltProduct.run("civicdesk", ["date", "roc", "1911-12-31"]).status == 2)
        #expect(try BuiltProduct.run("civicdesk", ["--version"]).output.hasPrefix("0."))
    }
}
