import CivicCore
import Foundation
import Testing

@Suite("certificate validity badge")
struct ValidityBadgeTests {
    let certificate = CertificateInfo(
        der: [], subject: DistinguishedName(attributes: [.init(type: "CN", value: "王大明")]),
        issuer: DistinguishedName(attributes: []), serialHex: "01",
        notBefore: Date(timeIntervalSince1970: 1_704_067_200),   // 2024-01-01
        notAfter: Date(timeIntervalSince1970: 1_735_689_599),    // 2024-12-31T23:59:59Z
        keyUsage: [.digitalSignature], isCA: false, policies: [], subjectKeyIdentifier: nil, sha256: "")

    @Test func verdicts() {
        let day: TimeInterval = 86_400
        #expect(ValidityBadge.of(certificate, trusted: true, now: certificate.notBefore + 10 * day) == .valid)
        #expect(ValidityBadge.of(certificate, trusted: true, now: certificate.notAfter - 10.5 * day) == .expiringSoon(daysLeft: 10))
        #expect(ValidityBadge.of(certificate, trusted: true, now: certificate.notAfter - 30 * day - 1) == .valid)
        #expect(ValidityBadge.of(certificate, trusted: true, now: certificate.notAfter + 1) == .expired)
        #expect(ValidityBadge.of(certificate, trusted: true, now: certificate.notBefore - 1) == .notYetValid)
        #expect(ValidityBadge.of(certificate, trusted: false, now: certificate.notBefore + day) == .untrusted)
    }

    @Test func usability() {
        #expect(ValidityBadge.expiringSoon(daysLeft: 3).isUsable)
        #expect(!ValidityBadge.expired.isUsable)
        #expect(!ValidityBadge.untrusted.isUsable)
        #expect(ValidityBadge.expiringSoon(daysLeft: 3).message.zh.contains("3"))
    }
}
