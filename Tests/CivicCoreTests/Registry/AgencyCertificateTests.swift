import Testing
@testable import CivicCore

@Suite("機關憑證：卡別與 OID")
struct AgencyCertificateTests {
    @Test("the kind follows the issuing CA", arguments: [
        ("CivicDesk TEST 政府憑證管理中心 (GCA)", AgencyCertificateKind.government),
        ("CivicDesk TEST 組織及團體憑證管理中心 (XCA)", .organisation),
        ("CivicDesk TEST 工商憑證管理中心 (MOEACA)", .business),
        ("CivicDesk TEST 醫事憑證管理中心 (HCA)", .medical),
    ])
    func kind(_ issuer: String, _ kind: AgencyCertificateKind) {
        #expect(AgencyCertificateKind(issuer: CardFixtures.name([("CN", issuer)])) == kind)
    }

    @Test func otherCAsAreNoAgencyKind() {
        #expect(AgencyCertificateKind(issuer: CardFixtures.name(RegistryFixtures.moicaIssuer)) == nil)
        #expect(AgencyCertificateKind(issuer: CardFixtures.name([("CN", "CivicDesk TEST 政府憑證總管理中心 (GRCA)")])) == nil)
    }

    @Test func readsTheAgencyCertificate() throws {
        let agency = try AgencyCertificate.read(RegistryFixtures.agencyCertificate).get()
        #expect(agency.kind == .government)
        #expect(agency.oid == "2.16.886.101.20003.20065.20001")
        #expect(agency.name == "數位發展部資訊處")
        #expect(agency.serialHex == "3300000000000001")
        #expect(agency.kind.name.zh == "機關憑證")
    }

    @Test func aPersonsSerialNumberIsNoOID() {
        #expect(AgencyCertificate.agencyOID(of: RegistryFixtures.adminCertificate) == nil)
        #expect(AgencyCertificate.read(RegistryFixtures.adminCertificate) == .failure(.notAnAgencyCard))
    }

    @Test func anAgencyCertificateIsNoPersons() throws {
        #expect(PersonCertificate.read(RegistryFixtures.agencyCertificate) == .failure(.agencyCardForPerson))
        let person = try PersonCertificate.read(RegistryFixtures.adminCertificate).get()
        #expect(person.name == "林志強")
        #expect(person.serialHex == "1100000000000005")
    }

    @Test("cards judged for a step: wrong kinds and the 健保卡 are named")
    func cardsJudged() {
        #expect(RegistryCardStep.judge(RegistryFixtures.agencyCard, as: .agency) == .success(RegistryFixtures.agencyCertificate))
        #expect(RegistryCardStep.judge(RegistryFixtures.adminCard, as: .agency) == .failure(.notAnAgencyCard))
        #expect(RegistryCardStep.judge(RegistryFixtures.agencyCard, as: .person) == .failure(.agencyCardForPerson))
        #expect(RegistryCardStep.judge(CardFixtures.healthCard, as: .person) == .failure(.healthInsuranceCard))
        #expect(RegistryCardStep.judge(CardFixtures.healthCard, as: .agency) == .failure(.healthInsuranceCard))
        #expect(RegistryProblem.healthInsuranceCard.message.zh.contains("健保卡"))
    }
}
