import CivicServices
import Foundation
import Testing

@Suite("Where the installed data and catalogues are found")
struct InstalledFilesTests {
    @Test("beside the executable: {prefix}/bin/civicdesk reads {prefix}/share")
    func besideTheExecutable() {
        let installed = InstalledFiles(environment: [:], executable: URL(fileURLWithPath: "/usr/local/bin/civicdesk"))
        #expect(installed.data.path == "/usr/local/share/civicdesk")
        #expect(installed.locale.path == "/usr/local/share/locale")
        let built = InstalledFiles(environment: [:], executable: URL(fileURLWithPath: "/src/.build/x86_64-unknown-linux-gnu/release/civicdesk"))
        #expect(built.locale.path == "/src/.build/x86_64-unknown-linux-gnu/share/locale")
    }

    @Test("the environment overrides each folder; an empty variable does not")
    func overrides() {
        let installed = InstalledFiles(environment: ["CIVICDESK_DATA_DIR": "/data", "CIVICDESK_LOCALEDIR": ""],
                                       executable: URL(fileURLWithPath: "/usr/bin/civicdesk"))
        #expect(installed.data.path == "/data")
        #expect(installed.locale.path == "/usr/share/locale")
    }

    @Test("the running executable is this test process's own file")
    func runningExecutable() {
        #expect(FileManager.default.isExecutableFile(atPath: InstalledFiles.runningExecutable.path))
    }
}
