import CivicTestSupport
import Foundation
import Testing

@Suite("civicdesk-docbench: the N-page letter it measures renders exactly N pages")
struct DocBenchTests {
    @Test("render and DI stages on a 3-page letter: 3 pages, time per page, export and import times", arguments: ["render", "di"])
    func exactPages(_ stage: String) throws {
        let result = try BuiltProduct.run("civicdesk-docbench", [stage, "--pages", "3", "--rounds", "1"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("of the 3-page letter ("), "\(result.output)")
        if stage == "render" {
            #expect(result.output.contains(": 3 A4 pages,") && result.output.contains("ms a page"), "\(result.output)")
        } else {
            #expect(result.output.contains("export to a folder") && result.output.contains("import from the folder"), "\(result.output)")
        }
    }
}
