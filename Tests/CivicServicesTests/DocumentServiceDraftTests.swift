import CivicCore
import CivicServices
import CivicTestSupport
import Foundation
import Testing

/// What the new-letter wizard's 儲存 hands the service: a letter with files chosen on this
/// computer and, in an office, the signed-in clerk as drafter — over a real workspace database.
@Suite("DocumentService: a drafted letter keeps its files for the export and joins its drafter's list")
struct DocumentServiceDraftTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    @Test func filesAndDrafter() throws {
        let folder = try TemporaryFolder()
        let service = try DocumentService(folders: CivicDeskFolders(
            workspace: folder.file("workspace"), trust: [TestPKI.url("trust")], configuredTrust: TestPKI.url("trust"),
            downloads: folder.url, documents: folder.url), dataFolder: Self.data)
        let pdf: [UInt8] = Array("%PDF-1.4 申請書".utf8)
        let source = try folder.write(pdf, to: "申請書.pdf")
        var letter = try service.letter(fromTemplate: "xca-application")
        letter.attachments = LetterAttachments(text: "憑證申請書1份", files: [AttachmentFile(fileName: "申請書.pdf")])
        let stored = try service.create(letter, attachments: [(fileName: "申請書.pdf", source: source)], drafterSerial: "1100000000000007")
        try FileManager.default.removeItem(at: source)

        // The export takes the copy kept in the workspace: the chosen file may be gone since.
        let out = folder.file("out")
        _ = try service.export(stored.id, to: out)
        #expect(Array(try Data(contentsOf: out.appendingPathComponent("申請書.pdf"))) == pdf)

        func actor(_ serial: String) -> SignOffActor {
            SignOffActor(name: "張雅婷", certificateSerial: serial, certificateIssuer: "", chainsToAnchors: true, certificateUsable: true)
        }
        let drafting = SignOffAuthority.office(grantedKeys: ["documents.draft"])
        #expect(try service.rows(.own, actor: actor("1100000000000007"), authority: drafting).map(\.id) == [stored.id])
        #expect(try service.rows(.own, actor: actor("11000000000000AA"), authority: drafting).isEmpty)
    }
}
