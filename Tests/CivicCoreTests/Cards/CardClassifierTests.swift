import Foundation
import Testing
@testable import CivicCore

@Suite("What a card is, from what it holds")
struct CardClassifierTests {
    static func certificate(_ subject: [(String, String)], usage: KeyUsage?, ca: Bool = false,
                            issuer: [(String, String)] = [("CN", "Issuing CA")]) -> CertificateInfo {
        CardFixtures.certificate(subject, usage: usage, ca: ca, issuer: issuer)
    }

    let signature = certificate([("C", "TW"), ("CN", "王大明"), ("serialNumber", "0000000112345678")],
                                usage: [.digitalSignature, .nonRepudiation])
    let encryption = certificate([("C", "TW"), ("CN", "王大明 enc")], usage: [.keyEncipherment, .dataEncipherment])
    let agency = certificate([("C", "TW"), ("O", "行政院"), ("CN", "數位發展部資訊處"), ("organizationIdentifier", "2.16.886.101")],
                             usage: [.digitalSignature, .keyEncipherment])
    let issuer = certificate([("CN", "Issuing CA")], usage: [.keyCertSign], ca: true, issuer: [("CN", "Root CA")])
    let root = certificate([("CN", "Root CA")], usage: [.keyCertSign], ca: true, issuer: [("CN", "Root CA")])
    let atr: [UInt8] = [0x3B]

    @Test func naturalPersonCard() {
        let contents = CardClassifier.hiCOSCard(atr: atr, store: [.signature: signature, .encryption: encryption,
                                                                  .issuer: issuer, .root: root])
        #expect(contents.kind == .naturalPerson)
        #expect(contents.certificates.map(\.role) == [.signature, .encryption, .issuer, .root])
        #expect(contents.signingCertificate == signature)
        #expect(contents.encryptionCertificate == encryption)
        #expect(contents.kind.unusableReason == nil)
    }

    @Test("an agency card: one organisation certificate that signs and decrypts")
    func agencyCard() {
        let contents = CardClassifier.hiCOSCard(atr: atr, store: [.signature: agency, .issuer: issuer, .root: root])
        #expect(contents.kind == .agency)
        #expect(contents.certificates.map(\.role) == [.agency, .issuer, .root])
        #expect(contents.signingCertificate == agency)
        #expect(contents.encryptionCertificate == agency)
        let twoSlots = CardClassifier.hiCOSCard(atr: atr, store: [.signature: agency, .encryption: agency])
        #expect(twoSlots.certificates.map(\.role) == [.agency], "the same certificate in both slots is listed once")
    }

    @Test("a HiCOS card without its holder's certificates is not usable")
    func blankCard() {
        let contents = CardClassifier.hiCOSCard(atr: atr, store: [.issuer: issuer, .root: root])
        #expect(contents.kind == .unknown)
        #expect(contents.certificates.isEmpty)
    }

    @Test("roles of certificates on a token, where no slot tells")
    func standaloneRoles() {
        #expect(CardClassifier.role(of: signature) == .signature)
        #expect(CardClassifier.role(of: encryption) == .encryption)
        #expect(CardClassifier.role(of: agency) == .agency)
        #expect(CardClassifier.role(of: issuer) == .issuer)
        #expect(CardClassifier.role(of: root) == .root)
        #expect(CardClassifier.role(of: Self.certificate([("CN", "x")], usage: [.keyAgreement])) == nil)
    }

    @Test func unusableKindsSayWhy() {
        #expect(CardKind.healthInsurance.unusableReason?.zh.contains("健保卡") == true)
        #expect(CardKind.unknown.unusableReason != nil)
        #expect(CardKind.allCases.map(\.rawValue) == ["natural-person", "agency", "health-insurance", "unknown"])
        #expect(CertificateRole.allCases.map(\.rawValue) == ["signature", "encryption", "issuer", "root", "agency"])
    }
}
