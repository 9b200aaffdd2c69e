import CivicServices
import Foundation
import Testing

@Suite("Where CivicDesk's data (templates, DTDs, catalogue, directory) is found")
struct DataFolderTests {
    @Test("CIVICDESK_DATA_DIR wins; then share/civicdesk beside bin/; then the source tree's data/ above a build's binary")
    func order() {
        let exists: (Set<String>) -> (String) -> Bool = { paths in { paths.contains($0) } }
        func data(_ environment: [String: String], _ executable: String, _ paths: Set<String>) -> String {
            InstalledFiles(environment: environment, executable: URL(fileURLWithPath: executable), fileExists: exists(paths)).data.path
        }
        #expect(data(["CIVICDESK_DATA_DIR": "/d"], "/usr/bin/civicdesk", []) == "/d")
        #expect(data([:], "/opt/cd/bin/civicdesk", ["/opt/cd/share/civicdesk"]) == "/opt/cd/share/civicdesk")
        #expect(data(["CIVICDESK_DATA_DIR": ""], "/src/.build/x86_64/debug/civicdesk", ["/src/data/templates"]) == "/src/data")
        #expect(data([:], "/home/u/bin/civicdesk", []) == "/home/u/share/civicdesk")
    }

    @Test("this build finds the repository's templates")
    func thisBuild() {
        let data = InstalledFiles(environment: [:]).data
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("templates/xca-application.json").path), "\(data.path)")
    }
}
