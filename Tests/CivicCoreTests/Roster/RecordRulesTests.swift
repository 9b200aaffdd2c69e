import CivicTestSupport
import Foundation
import Testing
@testable import CivicCore

/// Spec §3, rule by rule, through the checker with the stand-in verifier.
@Suite("連署紀錄檢核規則")
struct RecordRulesTests {
    static let person = (id: "A123456789", name: "王小明")
    static let verifier = FakeVerifier(signers: [
        "王小明": .init(certificate: RosterFixtures.certificate(commonName: "王小明")),
        "untrusted": .init(certificate: RosterFixtures.certificate(commonName: "王小明"), trusted: false),
        "encryption-only": .init(certificate: RosterFixtures.certificate(commonName: "王小明", keyUsage: [.keyEncipherment, .dataEncipherment])),
        "no-key-usage": .init(certificate: RosterFixtures.certificate(commonName: "王小明", keyUsage: nil)),
        "non-repudiation": .init(certificate: RosterFixtures.certificate(commonName: "王小明", keyUsage: [.nonRepudiation])),
        "expired": .init(certificate: RosterFixtures.certificate(commonName: "王小明", notAfter: "2024-03-05T07:05:30Z")),
        "not-yet": .init(certificate: RosterFixtures.certificate(commonName: "王小明", notBefore: "2024-03-05T07:05:32Z")),
        "李大華": .init(certificate: RosterFixtures.certificate(commonName: "李大華")),
        "long-valid": .init(certificate: RosterFixtures.certificate(commonName: "王小明", notBefore: "2000-01-01T00:00:00Z")),
    ])

    static func status(_ change: (inout TestRecord) -> Void) -> RecordStatus {
        var record = TestRecord(id: person.id, name: person.name)
        record.signer = person.name
        change(&record)
        return check(record.line(seq: 1))
    }

    static func check(_ line: String, seq: Int = 1) -> RecordStatus {
        RecordChecker(headerCaseId: RosterFixtures.caseId, verifier: verifier).check(line: Array(line.utf8), seq: seq).status
    }

    @Test func aCorrectRecordIsValid() {
        #expect(Self.status { _ in } == .valid)
        #expect(Self.status { $0.signer = "no-key-usage" } == .valid)
        #expect(Self.status { $0.signer = "non-repudiation" } == .valid)
    }

    @Test("malformed lines", arguments: [
        "not json", "", "[1,2]", #"{"type":"record","seq":1}"#,
        #"{"type":"header","seq":1,"tbs":"e30=","sig":"e30="}"#,
        #"{"type":"record","seq":"1","tbs":"e30=","sig":"e30="}"#,
        #"{"type":"record","seq":1.5,"tbs":"e30=","sig":"e30="}"#,
        #"{"type":"record","seq":1,"tbs":"not base64!","sig":"e30="}"#,
        #"{"type":"record","seq":1,"tbs":["e30="],"sig":"e30="}"#,
    ])
    func malformedLines(line: String) {
        #expect(Self.check(line) == .malformed)
    }

    @Test func aSeqOutOfPlaceIsMalformed() {
        let line = TestRecord(id: Self.person.id, name: Self.person.name).line(seq: 2)
        #expect(Self.check(line, seq: 2) == .valid)
        #expect(Self.check(line, seq: 3) == .malformed)
    }

    @Test func signatureNotBase64IsMalformed() {
        let line = TestRecord(id: Self.person.id, name: Self.person.name).line(seq: 1)
        let broken = line.replacingOccurrences(of: #""sig":""#, with: #""sig":"%%"#)
        #expect(Self.check(broken) == .malformed)
    }

    @Test("malformed statements", arguments: [
        "not json",
        #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"A123456789","name":"王小明","birthDate":"1980-01-31","address":"臺北市"}"#,
        #"{"caseId":113002,"signedAt":"2024-03-05T15:05:31+08:00","id":"A123456789","name":"王小明","birthDate":"1980-01-31","address":"臺北市","statement":"同意"}"#,
        #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31","id":"A123456789","name":"王小明","birthDate":"1980-01-31","address":"臺北市","statement":"同意"}"#,
        #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"A123456789","name":"王小明","birthDate":"1980/01/31","address":"臺北市","statement":"同意"}"#,
        #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"A123456789","name":"王小明","birthDate":"1980-02-30","address":"臺北市","statement":"同意"}"#,
        #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":null,"name":"王小明","birthDate":"1980-01-31","address":"臺北市","statement":"同意"}"#,
    ])
    func malformedStatements(statement: String) {
        #expect(Self.status { $0.rawStatement = statement } == .malformed)
    }

    @Test func aStatementWithEscapesAndExtraFieldsIsRead() {
        let statement = #"{"caseId":"113002","signedAt":"2024-03-05T15:05:31+08:00","id":"A123456789","name":"\u738b\u5c0f\u660e","birthDate":"1980-01-31","address":"臺北市\/中正區","statement":"同意","extra":{"a":[1,true]}}"#
        #expect(Self.status { $0.rawStatement = statement } == .valid)
    }

    @Test func verifierMalformedIsMalformed() {
        #expect(Self.status { $0.signer = "nobody" } == .malformed)
    }

    @Test func everyOtherRule() {
        #expect(Self.status { $0.signsOtherContent = true } == .badSignature)
        #expect(Self.status { $0.signer = "untrusted" } == .untrustedCertificate)
        #expect(Self.status { $0.signer = "encryption-only" } == .untrustedCertificate)
        #expect(Self.status { $0.signer = "expired" } == .certificateExpired)
        #expect(Self.status { $0.signer = "not-yet" } == .certificateExpired)
        #expect(Self.status { $0.name = "王小名" } == .identityMismatch)
        #expect(Self.status { $0.signer = "李大華" } == .identityMismatch)
        #expect(Self.status { $0.id = "A123456788" } == .invalidID)
        let resident = (0...9).map { "A80000001\($0)" }.first {
            if case .success(.residentCertificate) = PersonalID.check($0) { return true } else { return false }
        }
        #expect(Self.status { $0.id = resident ?? "" } == .invalidID)
        #expect(Self.status { $0.id = "a123456789" } == .invalidID)
        #expect(Self.status { $0.caseId = "113003" } == .caseMismatch)
        #expect(Self.status { $0.birthDate = "2010-01-01" } == .underage)
    }

    @Test func theValidityPeriodIncludesItsEnds() {
        #expect(Self.status { $0.signer = "expired"; $0.signedAt = "2024-03-05T15:05:30+08:00" } == .valid)
        #expect(Self.status { $0.signer = "not-yet"; $0.signedAt = "2024-03-05T07:05:32Z" } == .valid)
    }

    @Test func theFirstBrokenRuleWins() {
        // Bad signature, untrusted, expired, wrong name, bad ID, other case and underage at once.
        #expect(Self.status {
            $0.signsOtherContent = true; $0.signer = "expired"; $0.name = "x"; $0.id = "A1"; $0.caseId = "1"; $0.birthDate = "2020-01-01"
        } == .badSignature)
        #expect(Self.status { $0.signer = "untrusted"; $0.name = "x"; $0.id = "A1"; $0.caseId = "1" } == .untrustedCertificate)
        #expect(Self.status { $0.signer = "expired"; $0.name = "x"; $0.id = "A1" } == .certificateExpired)
        #expect(Self.status { $0.name = "x"; $0.id = "A1"; $0.caseId = "1" } == .identityMismatch)
        #expect(Self.status { $0.id = "A1"; $0.caseId = "1"; $0.birthDate = "2020-01-01" } == .invalidID)
        #expect(Self.status { $0.caseId = "1"; $0.birthDate = "2020-01-01" } == .caseMismatch)
        #expect(Self.status { $0.rawStatement = "{}"; $0.signsOtherContent = true } == .malformed)
    }

    @Test func eighteenOnTheBirthdayItself() {
        #expect(Self.status { $0.birthDate = "2006-03-05"; $0.signedAt = "2024-03-05T00:00:00+08:00" } == .valid)
        #expect(Self.status { $0.birthDate = "2006-03-05"; $0.signedAt = "2024-03-04T23:59:59+08:00" } == .underage)
        // The same instant is still 4 March where it was written, 5 March in Taipei.
        #expect(Self.status { $0.birthDate = "2006-03-05"; $0.signedAt = "2024-03-04T20:00:00-08:00" } == .underage)
        #expect(Self.status { $0.birthDate = "2006-03-05"; $0.signedAt = "2024-03-05T01:00:00+14:00" } == .valid)
        // Born on 29 February: of age on 1 March in a common year.
        #expect(Self.status { $0.birthDate = "2004-02-29"; $0.signedAt = "2022-02-28T12:00:00+08:00"; $0.signer = "long-valid" } == .underage)
        #expect(Self.status { $0.birthDate = "2004-02-29"; $0.signedAt = "2023-03-01T12:00:00+08:00"; $0.signer = "long-valid" } == .valid)
    }

    @Test func theCheckerKeepsWhatItCouldRead() {
        var record = TestRecord(id: Self.person.id, name: Self.person.name)
        record.birthDate = "31/01/1980"
        let checked = RecordChecker(headerCaseId: RosterFixtures.caseId, verifier: Self.verifier)
            .check(line: Array(record.line(seq: 1).utf8), seq: 1)
        #expect(checked.status == .malformed)
        #expect(checked.statement.id == Self.person.id)
        #expect(checked.statement.birthDate == nil)
        #expect(checked.statement.signedAt == RosterFixtures.signedAt)
        #expect(checked.lineIsObject)
        #expect(checked.line == Array(record.line(seq: 1).utf8))
    }
}
