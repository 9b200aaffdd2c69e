import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import CivicTestSupport
import Foundation
import Testing

/// The roster services over a real SoftHSM2 token of the shared card lab, without PC/SC (other
/// test targets change the shared lab's card meanwhile). The token is `revoked`'s (周撤銷), which
/// no other test logs into: PKCS#11 login state is shared by the whole test process.
@Suite("RosterService: plan, import, cancel; the card chosen by its certificate", .serialized)
struct RosterServiceTests {
    static let builder = Result { try RosterBatchBuilder() }
    static let person = "revoked"

    let builder: RosterBatchBuilder
    let folder: TemporaryFolder
    let service: RosterService

    init() throws {
        _ = try CardLab.shared()
        builder = try Self.builder.get()
        folder = try TemporaryFolder()
        service = try RosterService(folders: CivicDeskFolders(
            workspace: folder.file("workspace"), trust: [TestPKI.url("trust")], configuredTrust: TestPKI.url("trust"),
            downloads: folder.url, documents: folder.url))
    }

    /// The card as the window finds it: by the encryption certificate read from the reader.
    func card() throws -> OperationCard {
        let certificate = try CertificateParser.parse(der: TestPKI.der("people/\(Self.person)/enc.pem"))
        return try OperationCard.open(.reader("CivicDesk Test Reader", certificate: certificate))
    }

    /// The same card with no reader to watch (this process's PC/SC belongs to other tests).
    func unwatchedCard() throws -> OperationCard {
        let card = try card()
        return OperationCard(token: card.token, certificates: card.certificates, reader: nil)
    }

    func pin() -> PINCode {
        var bytes = Array("123456".utf8)
        return PINCode(wiping: &bytes)
    }

    func batchFile(number: Int, recipient: String = "people/revoked/enc.pem") throws -> URL {
        let signer = try RosterBatchBuilder.pkiSigner("lead")
        return try builder.file(TestBatch(number: number, records: [builder.record(signer)]), recipient: recipient)
    }

    @Test("the token holding the card's certificate serves it; both its certificates are known without a PIN")
    func cardByCertificate() throws {
        let card = try card()
        #expect(card.token.description.label == Self.person)
        #expect(card.reader == "CivicDesk Test Reader", "the reader to watch while working")
        #expect(card.encryptionCertificate?.der == (try TestPKI.der("people/revoked/enc.pem")))
        #expect(card.signingCertificate?.der == (try TestPKI.der("people/revoked/sign.pem")))
        let stranger = try CertificateParser.parse(der: TestPKI.der("untrusted/issuing.pem"))
        #expect(throws: OperationCardError.noTokenForCard(reader: "R")) { try OperationCard.open(.reader("R", certificate: stranger)) }
    }

    @Test("the plan, before any PIN: ready, already imported, for another card (named), not CMS")
    func plan() throws {
        let card = try unwatchedCard()
        let first = try batchFile(number: 1)
        let login = try card.login(pin: pin())
        let results = service.importFiles(try service.planImport([first], card: card), trust: try service.loadTrust(), login: login, card: card)
        guard case .imported = results.first?.outcome else {
            Issue.record("not imported: \(results)")
            return
        }
        let elsewhere = try batchFile(number: 2, recipient: "people/other/enc.pem")
        let junk = try folder.write(Array("junk".utf8), to: "junk.cec")
        let second = try batchFile(number: 3)
        let plan = try service.planImport([first, elsewhere, junk, second], card: card)
        let states = plan.entries.map { entry -> String in
            switch entry.state {
            case .ready: "ready"
            case .alreadyImported(let batch): "imported \(batch.number)"
            case .notForThisCard: "elsewhere"
            case .refused(let message): message.en.hasPrefix("This is not an encrypted roster file") ? "not CMS" : message.en
            }
        }
        #expect(states == ["imported 1", "elsewhere", "not CMS", "ready"])
        #expect(plan.needsPIN)
        #expect(plan.unaddressedFiles.map(\.name) == [elsewhere.lastPathComponent])
        #expect(plan.unaddressedFiles.first?.recipients.first?.contains("序號 1100000000000004") == true)
        #expect(try !service.planImport([first, junk], card: card).needsPIN, "nothing there needs the card")
    }

    @Test("cancel: the file under way is rolled back, the next is not started, the card is logged out")
    func cancel() throws {
        let card = try unwatchedCard()
        let files = [try batchFile(number: 1), try batchFile(number: 2)]
        let plan = try service.planImport(files, card: card)
        let login = try card.login(pin: pin())
        let control = OperationControl()
        var events: [String] = []
        let results = service.importFiles(plan, trust: try service.loadTrust(), login: login, card: card, control: control) { event in
            switch event {
            case .started(let index, _):
                events.append("started \(index)")
                control.cancel()
            case .progressed:
                break
            case .finished(let index, _):
                events.append("finished \(index)")
            }
        }
        #expect(events == ["started 0", "finished 0", "finished 1"])
        #expect(results.map(\.outcome) == [.failed(RosterImportError.cancelled.message), .failed(RosterServiceError.notStarted.message)])
        #expect(try service.store.cases().isEmpty, "nothing imported")
        #expect(throws: TokenError.loggedOut) { try login.signingKey() }
    }

    @Test("the Downloads folder's .cec files by name, the one imported before marked; other files left out")
    func downloads() throws {
        #expect(try service.downloadedBatchFiles().isEmpty)
        let card = try unwatchedCard()
        try FileManager.default.copyItem(at: try batchFile(number: 1), to: folder.file("113002-連署-20240302.cec"))
        let second = folder.file("113002-連署-20240306.CEC")
        try FileManager.default.copyItem(at: try batchFile(number: 2), to: second)
        try folder.write(Array("notes".utf8), to: "readme.txt")
        try FileManager.default.createDirectory(at: folder.file("old.cec"), withIntermediateDirectories: false)
        let plan = try service.planImport([folder.file("113002-連署-20240302.cec")], card: card)
        _ = service.importFiles(plan, trust: try service.loadTrust(), login: try card.login(pin: pin()), card: card)
        let listed = try service.downloadedBatchFiles()
        #expect(listed.map(\.name) == ["113002-連署-20240302.cec", "113002-連署-20240306.CEC"])
        #expect(listed[0].imported?.number == 1 && listed[1].imported == nil)
        #expect(listed[1].size == (try FileManager.default.attributesOfItem(atPath: second.path)[.size] as? Int))
    }

    @Test("no trust anchors: said, with where they belong")
    func noTrustAnchors() throws {
        let bare = try RosterService(folders: CivicDeskFolders(
            workspace: folder.file("bare"), trust: [], configuredTrust: URL(fileURLWithPath: "/home/x/.local/share/civicdesk/trust"),
            downloads: folder.url, documents: folder.url))
        #expect(throws: RosterServiceError.noTrustAnchors(folder: "/home/x/.local/share/civicdesk/trust")) { try bare.loadTrust() }
    }
}

/// SoftHSM2 never locks a PIN, so the locked card is covered here, below the command line: a
/// locked PIN is not even tried, and the message says where to have it unlocked.
@Suite("A locked card")
struct LockedCardTests {
    @Test func aLockedPINIsNotTried() throws {
        #expect(throws: TokenError.pinLocked) { try OperationCard.refuseIfLocked(.locked) }
        for status in [PINStatus.normal, .triesReduced, .finalTry] {
            #expect(throws: Never.self) { try OperationCard.refuseIfLocked(status) }
        }
        #expect(TokenError.pinLocked.message.zh.contains("PIN 碼已鎖住") && TokenError.pinLocked.message.zh.contains("戶政事務所"))
        #expect(TokenError.wrongPIN(.finalTry).message.zh.contains("還可再試 1 次"))
    }
}
