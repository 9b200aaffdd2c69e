import Foundation
import Testing
@testable import CivicCore

@Suite("A certificate as the readers page shows and copies it")
struct CertificateSummaryTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000) // 2025-06-15

    func value(_ summary: CertificateSummary, _ label: String) -> UserMessage? {
        summary.fields.first { $0.label.zh == label }?.value
    }

    @Test("fields: holder, names, serial, 中華民國 dates on Taiwan's clock, key usage, fingerprint")
    func fields() {
        let summary = CertificateSummary(CardCertificate(role: .signature, certificate: CardFixtures.signature),
                                         trust: .trusted, now: now)
        #expect(summary.name == "王大明")
        #expect(summary.fields.map(\.label.zh) == ["持有人", "主體", "簽發者", "序號", "有效期間", "金鑰用途", "SHA-256 指紋"])
        #expect(value(summary, "主體")?.zh == "serialNumber=0000000112345678,CN=王大明,C=TW")
        #expect(value(summary, "簽發者")?.zh == "CN=Issuing CA")
        #expect(value(summary, "序號")?.zh == "1100000000000001")
        #expect(value(summary, "有效期間") == UserMessage(zh: "中華民國113年1月1日 至 中華民國133年12月31日",
                                                      en: "2024-01-01 to 2044-12-31"))
        #expect(value(summary, "金鑰用途") == UserMessage(zh: "數位簽章、不可否認", en: "Digital signature, Non-repudiation"))
        #expect(value(summary, "SHA-256 指紋")?.zh == Array(repeating: "0F", count: 31).joined(separator: " ") + " 01")
        #expect(summary.badge == .validity(.valid))
    }

    @Test("a day ends at midnight in Taiwan, not in Greenwich")
    func taiwanDays() {
        let lastSecond = Date(timeIntervalSince1970: 2_366_812_799) // 2044-12-31 23:59:59 in Taipei
        #expect(CivilDate(lastSecond) == CivilDate(year: 2044, month: 12, day: 31))
        #expect(CivilDate(lastSecond + 1) == CivilDate(year: 2045, month: 1, day: 1))
        #expect(CivilDate(lastSecond + 1, in: .gmt) == CivilDate(year: 2044, month: 12, day: 31))
    }

    @Test("an authority's certificate is named, not held; no keyUsage means unrestricted")
    func authority() {
        let summary = CertificateSummary(CardCertificate(role: .root, certificate: CardFixtures.root), trust: .trusted, now: now)
        #expect(summary.fields.first?.label.zh == "名稱")
        #expect(value(summary, "金鑰用途")?.zh == "簽發憑證")
        let open = CardFixtures.certificate([("CN", "x")], usage: nil)
        #expect(value(CertificateSummary(CardCertificate(role: .agency, certificate: open), trust: .trusted, now: now),
                      "金鑰用途")?.zh == "未限制")
    }

    @Test("an agency's certificate names its kind and its 機關(組織)OID after the holder; a person's does not")
    func agency() {
        let medical = CardFixtures.certificate(
            [("C", "TW"), ("O", "臺北市示範聯合診所"), ("CN", "臺北市示範聯合診所"), ("organizationIdentifier", "2.16.886.101.90040.40001")],
            usage: [.digitalSignature, .keyEncipherment], issuer: [("CN", "CivicDesk TEST 醫事憑證管理中心 (HCA)")])
        let summary = CertificateSummary(CardCertificate(role: .agency, certificate: medical), trust: .trusted, now: now)
        #expect(summary.fields.map(\.label.zh).prefix(4) == ["持有人", "憑證種類", "機關(組織)OID", "主體"])
        #expect(value(summary, "憑證種類") == UserMessage(zh: "醫事憑證", en: "Medical institution certificate"))
        #expect(value(summary, "機關(組織)OID")?.zh == "2.16.886.101.90040.40001")
        #expect(summary.copyText { $0.zh }.contains("\n機關(組織)OID：2.16.886.101.90040.40001\n"))

        let unknownCA = CardFixtures.certificate([("O", "某機關"), ("CN", "某機關")], usage: nil)
        let unnamed = CertificateSummary(CardCertificate(role: .agency, certificate: unknownCA), trust: .trusted, now: now)
        #expect(value(unnamed, "憑證種類") == nil && value(unnamed, "機關(組織)OID") == nil, "nothing is guessed")
        let person = CertificateSummary(CardCertificate(role: .signature, certificate: CardFixtures.signature), trust: .trusted, now: now)
        #expect(value(person, "機關(組織)OID") == nil)
    }

    @Test("the copied text holds every field, the status and the PEM")
    func copyText() throws {
        let summary = CertificateSummary(CardCertificate(role: .encryption, certificate: CardFixtures.encryption),
                                         trust: .trusted, now: now)
        let text = summary.copyText { $0.zh }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "加密憑證：王大明")
        #expect(lines.contains("序號：1100000000000002"))
        #expect(lines.contains("金鑰用途：金鑰加密、資料加密"))
        #expect(lines.contains("狀態：有效"))
        #expect(text.hasSuffix(CardFixtures.encryption.pem))
        let body = CardFixtures.encryption.pem.split(separator: "\n").dropFirst().dropLast().joined()
        #expect(Data(base64Encoded: body).map(Array.init) == CardFixtures.encryption.der)
        #expect(summary.copyText { $0.en }.hasPrefix("Encryption certificate: 王大明\nHolder: 王大明"))
    }

    @Test("badges: dates are told even without anchors; tones for the window's styles")
    func badges() {
        let problem = TrustProblem.notConfigured(folder: "/trust")
        let expired = CardFixtures.certificate([("CN", "李過期")], usage: [.digitalSignature],
                                               notAfter: Date(timeIntervalSince1970: 1_704_067_199))
        #expect(CertificateBadge.of(expired, trust: .unverifiable(problem), now: now) == .validity(.expired))
        #expect(CertificateBadge.of(expired, trust: .untrusted, now: now) == .validity(.untrusted))
        #expect(CertificateBadge.of(CardFixtures.signature, trust: .unverifiable(problem), now: now) == .unverifiable(problem))
        let soon = CardFixtures.signature.notAfter - 5 * 86_400
        #expect(CertificateBadge.of(CardFixtures.signature, trust: .trusted, now: soon) == .validity(.expiringSoon(daysLeft: 5)))
        #expect(CertificateBadge.validity(.valid).tone == .good)
        #expect(CertificateBadge.validity(.expiringSoon(daysLeft: 5)).tone == .caution)
        #expect(CertificateBadge.unverifiable(problem).tone == .caution)
        #expect(CertificateBadge.validity(.untrusted).tone == .bad)
        #expect(CertificateBadge.unverifiable(.unusable(UserMessage(zh: "壞", en: "bad"))).message.zh == "無法驗證：信任的憑證設定無法使用")
    }
}
