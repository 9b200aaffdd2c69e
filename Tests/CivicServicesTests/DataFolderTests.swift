import CivicServices
import Foundation
import Testing

@Suite("Where CivicDesk's data (templates, DTDs) is found")
struct DataFolderTests {
    @Test("CIVICDESK_DATA_DIR wins; then share/civicdesk beside bin/; then the source tree's data/; then /usr/share/civicdesk")
    func order() {
        let exists: (Set<String>) -> (String) -> Bool = { paths in { paths.contains($0) } }
        #expect(CivicDeskFolders.data(environment: ["CIVICDESK_DATA_DIR": "/d"], executable: URL(fileURLWithPath: "/usr/bin/civicdesk"),
                                      fileExists: exists([])).path == "/d")
        #expect(CivicDeskFolders.data(environment: [:], executable: URL(fileURLWithPath: "/opt/cd/bin/civicdesk"),
                                      fileExists: exists(["/opt/cd/share/civicdesk/templates"])).path == "/opt/cd/share/civicdesk")
        #expect(CivicDeskFolders.data(environment: ["CIVICDESK_DATA_DIR": ""], executable: URL(fileURLWithPath: "/src/.build/x86_64/debug/civicdesk"),
                                      fileExists: exists(["/src/data/templates"])).path == "/src/data")
        #expect(CivicDeskFolders.data(environment: [:], executable: URL(fileURLWithPath: "/home/u/civicdesk"),
                                      fileExists: exists([])).path == "/usr/share/civicdesk")
    }

    @Test("this build finds the repository's templates")
    func thisBuild() {
        let data = CivicDeskFolders.data(environment: [:])
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("templates/xca-application.json").path), "\(data.path)")
    }
}
