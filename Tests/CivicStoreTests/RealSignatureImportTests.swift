import CivicCore
import CivicCrypto
import CivicStore
import CivicTestSupport
import Foundation
import Testing

/// The import with CivicCrypto's real CMS verifier and the test PKI: records signed with the test
/// persons' keys get the statuses spec §3 gives their certificates.
@Suite("以真實簽章匯入")
struct RealSignatureImportTests {
    static func key(_ person: String) throws -> SoftwareKey {
        try SoftwareKey(keyFile: TestPKI.url("people/\(person)/sign.key"), certificateFile: TestPKI.url("people/\(person)/sign.pem"))
    }

    static func record(_ person: String, people: TestPKI.People, change: (inout TestRecord) -> Void = { _ in }) throws -> TestRecord {
        let who = try #require(people.people[person])
        let key = try Self.key(person)
        var record = TestRecord(id: who.id, name: who.name)
        record.realSigner = { content in
            (try? DetachedSigner.sign(content, with: key, signingTime: Date(timeIntervalSince1970: 1_709_622_331))) ?? []
        }
        change(&record)
        return record
    }

    @Test func statusesFromRealSignatures() throws {
        let people = try TestPKI.people()
        let records = [
            try Self.record("lead", people: people),
            try Self.record("other", people: people),
            try Self.record("expired", people: people),
            try Self.record("untrusted", people: people),
            try Self.record("wrong-usage", people: people),
            try Self.record("clerk", people: people) { $0.signsOtherContent = true },
            try Self.record("admin", people: people) { $0.name = "林志強強" },
            try Self.record("lead", people: people) { $0.signedAt = "2024-03-05T16:00:00+08:00" },
            TestRecord(id: "A123456789", name: "王大明").with { $0.realSigner = { _ in Array("not CMS".utf8) } },
        ]
        let workspace = try TestWorkspace()
        let verifier = DetachedSignatureVerifier(trustStore: try TrustStore(folder: TestPKI.url("trust")))
        let result = try workspace.importBatch(TestBatch(number: 1, records: records), importer: workspace.importer(verifier: verifier))
        guard case .imported(let outcome) = result else {
            Issue.record("not imported")
            return
        }
        #expect(try workspace.statuses() == [
            "1/1 valid", "1/2 valid", "1/3 certificate-expired", "1/4 untrusted-certificate", "1/5 untrusted-certificate",
            "1/6 bad-signature", "1/7 identity-mismatch", "1/9 malformed", "1/8 duplicate",
        ])
        #expect(outcome.counts[.valid] == 2 && outcome.newDuplicates == 1)
    }
}
