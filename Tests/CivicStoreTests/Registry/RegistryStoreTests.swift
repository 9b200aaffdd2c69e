import CivicCore
import CivicCrypto
@testable import CivicStore
import Foundation
import GRDB
import Testing

/// The registry's tables in a real workspace database: a change and its audit entry are kept
/// together or not at all, and the entries chain with OpenSSL's SHA-256.
@Suite("憑證註冊資料的儲存")
struct RegistryStoreTests {
    struct CardFailed: Error {}

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-registry-\(UUID().uuidString)")

    func store() throws -> RegistryStore {
        RegistryStore(database: try WorkspaceDatabase(folder: folder))
    }

    static func office() throws -> Office {
        let day = Date(timeIntervalSince1970: 1_704_067_200)
        let agency = AgencyCertificate(kind: .government, oid: "2.16.886.101.20003.20065.20001", name: "數位發展部資訊處",
                                       serialHex: "3300000000000001", subject: "CN=數位發展部資訊處", notBefore: day,
                                       notAfter: day.addingTimeInterval(86_400 * 3650), sha256: String(repeating: "a", count: 64))
        let person = PersonCertificate(serialHex: "1100000000000005", name: "林志強", subject: "CN=林志強", notBefore: day,
                                       notAfter: day.addingTimeInterval(86_400 * 3650), sha256: String(repeating: "b", count: 64))
        return Office(code: try AgencyCode("10001"), agency: agency,
                      administrator: Administrator(personalID: try NationalID("F128765439"), certificate: person,
                                                   contact: try AdministratorContact(name: "林志強", email: "a@moda.gov.tw", phone: "(02)2701-3411")))
    }

    func signer(failing: Bool = false) -> RegistryStore.AuditSigner {
        RegistryStore.AuditSigner(actors: ["administrator:1100000000000005"], time: Date(), certificate: [1, 2, 3],
                                  sign: { bytes in
                                      if failing { throw CardFailed() }
                                      return Digest.sha256(bytes)
                                  }, makeDigest: { Digest() })
    }

    @Test func aChangeAndItsEntryAreKeptTogether() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try store()
        let office = try Self.office()
        #expect(throws: CardFailed.self) { try store.apply(.register(office, at: Date()), signer: signer(failing: true)) }
        #expect(try store.office() == nil, "the card failed to sign: nothing is kept")
        #expect(try store.auditEntries().isEmpty)

        try store.apply(.register(office, at: Date()), signer: signer())
        #expect(try store.office() == office)
        #expect(throws: RegistryProblem.alreadyRegistered(code: "10001")) { try store.apply(.register(office, at: Date()), signer: signer()) }
        let clerk = try Clerk(serial: CertificateSerial("1100000000000007"), name: "張雅婷", personalID: NationalID("E224613579"),
                              permissions: PermissionSet([.rosterImport]))
        try store.apply(.addClerk(clerk), signer: signer())
        let twin = try Clerk(serial: CertificateSerial("1100000000000008"), name: "張雅婷", personalID: NationalID("E224613579"),
                             permissions: PermissionSet([.rosterPack]))
        #expect(throws: RegistryProblem.clerkIDTaken("E224613579")) { try store.apply(.addClerk(twin), signer: signer()) }

        let entries = try store.auditEntries()
        #expect(entries.map(\.entry.sequence) == [1, 2])
        #expect(entries[0].entry.previousSHA256 == AuditChain.genesis)
        #expect(entries[1].entry.previousSHA256 == AuditChain.digest(of: entries[0], using: Digest()))
        #expect(entries[1].signature == Digest.sha256(entries[1].entry.canonicalBytes))
        #expect(AuditReplay.state(after: entries.map(\.entry)) == AuditReplay.State(office: office, clerks: [clerk]))
    }

    @Test func aWorkspaceOfANewerVersionIsRefusedUntouched() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try store()
        let path = folder.appendingPathComponent(WorkspaceDatabase.fileName).path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('from the future')")
        }
        let error = try #require(throws: WorkspaceTooNewError.self) { try WorkspaceDatabase(folder: folder) }
        #expect(error.message.zh.contains("較新版本的 CivicDesk"))
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(tables.last == "from the future")
    }
}
