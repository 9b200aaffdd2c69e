import Foundation
@testable import CivicCore

/// Registry values shaped like the test PKI's (people.json), made by hand.
enum RegistryFixtures {
    static let gcaIssuer: [(String, String)] = [("C", "TW"), ("O", "CivicDesk TEST"), ("CN", "CivicDesk TEST 政府憑證管理中心 (GCA)")]
    static let moicaIssuer: [(String, String)] = [("C", "TW"), ("O", "CivicDesk TEST"), ("CN", "CivicDesk TEST 內政部憑證管理中心 (MOICA)")]

    static let agencyCertificate = CardFixtures.certificate(
        [("C", "TW"), ("O", "行政院"), ("OU", "數位發展部"), ("CN", "數位發展部資訊處"),
         ("organizationIdentifier", "2.16.886.101.20003.20065.20001")],
        usage: [.digitalSignature, .nonRepudiation, .keyEncipherment], issuer: gcaIssuer, serial: "3300000000000001")
    static let adminCertificate = CardFixtures.certificate(
        [("C", "TW"), ("CN", "林志強"), ("serialNumber", "0000000111112222")],
        usage: [.digitalSignature, .nonRepudiation], issuer: moicaIssuer, serial: "1100000000000005")
    static let clerkCertificate = CardFixtures.certificate(
        [("C", "TW"), ("CN", "張雅婷"), ("serialNumber", "0000000111113333")],
        usage: [.digitalSignature, .nonRepudiation], issuer: moicaIssuer, serial: "1100000000000007")

    static let agencyCard = CardContents(kind: .agency, atr: CardFixtures.atr, certificates: [
        CardCertificate(role: .agency, certificate: agencyCertificate),
    ])
    static let adminCard = CardContents(kind: .naturalPerson, atr: CardFixtures.atr, certificates: [
        CardCertificate(role: .signature, certificate: adminCertificate),
    ])
    static let clerkCard = CardContents(kind: .naturalPerson, atr: CardFixtures.atr, certificates: [
        CardCertificate(role: .signature, certificate: clerkCertificate),
    ])

    static func office() throws -> Office {
        Office(code: try AgencyCode("10001"), agency: try AgencyCertificate.read(agencyCertificate).get(),
               administrator: Administrator(personalID: try NationalID("F128765439"),
                                            certificate: try PersonCertificate.read(adminCertificate).get(),
                                            contact: try AdministratorContact(name: "林志強", email: "admin@moda.gov.tw", phone: "(02)2701-3411",
                                                                        phoneExtension: "5312")))
    }

    static func catalogue() throws -> PermissionCatalogue {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/permissions.json")
        return try PermissionCatalogue(json: Array(try Data(contentsOf: file)))
    }
}
