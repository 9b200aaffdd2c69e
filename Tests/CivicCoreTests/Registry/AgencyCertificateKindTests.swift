import Foundation
import Testing
@testable import CivicCore

@Suite("An agency certificate's kind, by its issuing CA, and its agency OID")
struct AgencyCertificateKindTests {
    /// Issuers named as the test PKI names them.
    static func issuer(_ commonName: String) -> [(String, String)] {
        [("C", "TW"), ("O", "CivicDesk TEST"), ("CN", commonName)]
    }

    static func agency(issuer commonName: String, identifier: String? = "2.16.886.101.20003.20065.20001",
                       ca: Bool = false) -> CertificateInfo {
        var subject = [("C", "TW"), ("O", "行政院"), ("OU", "數位發展部"), ("CN", "數位發展部資訊處")]
        if let identifier { subject.append(("organizationIdentifier", identifier)) }
        return CardFixtures.certificate(subject, usage: [.digitalSignature, .keyEncipherment], ca: ca, issuer: issuer(commonName))
    }

    @Test("each issuing CA's CN gives its kind, and each kind its name in both languages",
          arguments: [
              ("CivicDesk TEST 政府憑證管理中心 (GCA)", AgencyCertificateKind.government, "機關憑證", "Government agency certificate"),
              ("CivicDesk TEST 組織及團體憑證管理中心 (XCA)", .organisation, "組織及團體憑證", "Organisation certificate"),
              ("CivicDesk TEST 工商憑證管理中心 (MOEACA)", .business, "工商憑證", "Business certificate"),
              ("CivicDesk TEST 醫事憑證管理中心 (HCA)", .medical, "醫事憑證", "Medical institution certificate"),
          ])
    func kinds(commonName: String, kind: AgencyCertificateKind, zh: String, en: String) throws {
        #expect(AgencyCertificateKind(issuer: CardFixtures.name(Self.issuer(commonName))) == kind)
        #expect(kind.name == UserMessage(zh: zh, en: en))
        let certificate = try AgencyCertificate.read(Self.agency(issuer: commonName)).get()
        #expect(certificate.kind == kind)
        #expect(certificate.oid == "2.16.886.101.20003.20065.20001")
    }

    @Test("CAs of no agency kind: MOICA, the GRCA-like root, a name that only contains a CA's letters, no CN")
    func otherIssuers() {
        for commonName in ["CivicDesk TEST 內政部憑證管理中心 (MOICA)", "CivicDesk TEST 政府憑證總管理中心 (GRCA)",
                           "Untrusted TEST Issuing CA", "XHCA Test", "GCA2"] {
            #expect(AgencyCertificateKind(issuer: CardFixtures.name(Self.issuer(commonName))) == nil, "\(commonName)")
        }
        #expect(AgencyCertificateKind(issuer: CardFixtures.name([("C", "TW"), ("O", "GCA")])) == nil)
    }

    @Test("a 工商憑證's identifier is its 統一編號, read as its OID")
    func businessNumber() throws {
        let certificate = try AgencyCertificate.read(Self.agency(issuer: "CivicDesk TEST 工商憑證管理中心 (MOEACA)", identifier: "22099131")).get()
        #expect(certificate.kind == .business)
        #expect(certificate.oid == "22099131")
    }

    @Test("a 自然人憑證 is not an agency's: its serialNumber (2.5.4.5) is never taken for an OID")
    func naturalPerson() {
        let person = CardFixtures.signature
        #expect(AgencyCertificate.agencyOID(of: person) == nil)
        #expect(throws: RegistryProblem.notAnAgencyCard) { try AgencyCertificate.read(person).get() }
        // Even from an agency CA, a serialNumber alone makes no agency certificate.
        let fromGCA = CardFixtures.certificate([("C", "TW"), ("CN", "王大明"), ("serialNumber", "0000000112345678")],
                                               usage: [.digitalSignature], issuer: Self.issuer("政府憑證管理中心 (GCA)"))
        #expect(throws: RegistryProblem.notAnAgencyCard) { try AgencyCertificate.read(fromGCA).get() }
    }

    @Test("without an organizationIdentifier, or with a blank one, a certificate is not an agency's")
    func noIdentifier() {
        for identifier in [nil, "", "   "] {
            let certificate = Self.agency(issuer: "政府憑證管理中心 (GCA)", identifier: identifier)
            #expect(AgencyCertificate.agencyOID(of: certificate) == nil)
            #expect(throws: RegistryProblem.notAnAgencyCard) { try AgencyCertificate.read(certificate).get() }
        }
        let padded = Self.agency(issuer: "政府憑證管理中心 (GCA)", identifier: " 2.16.886.101.90028.20002 ")
        #expect(AgencyCertificate.agencyOID(of: padded) == "2.16.886.101.90028.20002")
    }

    @Test("a CA's own certificate is not an agency's, even with an identifier")
    func authority() {
        #expect(throws: RegistryProblem.notAnAgencyCard) {
            try AgencyCertificate.read(Self.agency(issuer: "政府憑證管理中心 (GCA)", ca: true)).get()
        }
    }

    @Test("the problems say what happened in both languages")
    func messages() {
        #expect(!RegistryProblem.notAnAgencyCard.message.zh.isEmpty)
        #expect(!RegistryProblem.notAnAgencyCard.message.en.isEmpty)
    }
}
