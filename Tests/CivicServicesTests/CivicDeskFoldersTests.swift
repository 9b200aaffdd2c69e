import CivicServices
import CivicTestSupport
import Foundation
import Testing

@Suite("Where CivicDesk keeps and finds things")
struct CivicDeskFoldersTests {
    let home: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
    }

    func folders(_ environment: [String: String], workspace: String? = nil, extraTrust: [String] = []) -> CivicDeskFolders {
        CivicDeskFolders(environment: ["HOME": home.url.path].merging(environment) { $1 }, workspace: workspace, extraTrust: extraTrust)
    }

    @Test("defaults under the home folder; no trust anchors until their folder exists")
    func defaults() throws {
        let plain = folders([:])
        #expect(plain.workspace.path == home.url.path + "/.local/share/civicdesk")
        #expect(plain.trust.isEmpty)
        #expect(plain.configuredTrust.path == home.url.path + "/.local/share/civicdesk/trust")
        #expect(plain.downloads.path == home.url.path + "/Downloads" && plain.documents.path == home.url.path + "/Documents")
        #expect(plain.packFolder(caseId: "113002").path == home.url.path + "/Documents/CivicDesk/113002")
        try FileManager.default.createDirectory(at: plain.configuredTrust, withIntermediateDirectories: true)
        #expect(folders([:]).trust == [plain.configuredTrust])
    }

    @Test("the environment, then the options, decide")
    func overrides() {
        let set = folders(["CIVICDESK_WORKSPACE": "/demo/ws", "CIVICDESK_TRUST_DIR": "/demo/trust",
                           "CIVICDESK_DOWNLOADS_DIR": "/demo/dl", "CIVICDESK_DOCUMENTS_DIR": "/demo/docs", "XDG_DATA_HOME": "/xdg"])
        #expect(set.workspace.path == "/demo/ws" && set.downloads.path == "/demo/dl" && set.documents.path == "/demo/docs")
        #expect(set.trust.map(\.path) == ["/demo/trust"], "configured even before it exists: a missing folder is then an error")
        let options = folders(["CIVICDESK_WORKSPACE": "/demo/ws", "XDG_DATA_HOME": "/xdg"], workspace: "/mine", extraTrust: ["/more"])
        #expect(options.workspace.path == "/mine" && options.trust.map(\.path) == ["/more"])
        #expect(folders(["XDG_DATA_HOME": "/xdg"]).workspace.path == "/xdg/civicdesk")
    }

    @Test("the desktop's own Downloads and Documents (user-dirs.dirs)")
    func userDirectories() throws {
        try home.write(Array("""
            # written by xdg-user-dirs-update
            XDG_DOWNLOAD_DIR="$HOME/下載"
            XDG_DOCUMENTS_DIR="$HOME/"

            """.utf8), to: "user-dirs.dirs")
        let chinese = folders(["XDG_CONFIG_HOME": home.url.path])
        #expect(chinese.downloads.path == home.url.path + "/下載")
        #expect(chinese.documents.path == home.url.path + "/Documents", "a folder set to the home folder is disabled")
    }
}
