import CivicCore
@testable import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// The test PKI's certificates, parsed by OpenSSL, read as the registry reads them: each agency
/// card's kind and OID as `people.json` lists them, and no person's card taken for an agency's.
@Suite("Agency certificates of the test PKI")
struct AgencyCertificateReadingTests {
    struct Listed: Decodable {
        let name: String
        let agencyCode: String
        let oid: String
    }

    struct Listing: Decodable {
        let people: [String: TestPKI.Person]
        let agencies: [String: Listed]
    }

    let listing: Listing

    init() throws {
        listing = try JSONDecoder().decode(Listing.self, from: Data(contentsOf: TestPKI.url("people.json")))
    }

    func certificate(_ path: String) throws -> CertificateInfo {
        try #require(try CertificateParser.parse(pem: TestPKI.text(path)).first)
    }

    @Test("each agency's kind by its CA, its OID and name as people.json lists them", arguments: [
        ("gca", AgencyCertificateKind.government), ("gca-renewed", .government), ("gca-unlisted", .government),
        ("xca", .organisation), ("moeaca", .business), ("hca", .medical),
    ])
    func agencies(folder: String, kind: AgencyCertificateKind) throws {
        let listed = try #require(listing.agencies[folder])
        let agency = try AgencyCertificate.read(certificate("agencies/\(folder)/agency.pem")).get()
        #expect(agency.kind == kind)
        #expect(agency.oid == listed.oid)
        #expect(agency.name == listed.name)
    }

    @Test("a renewed agency card: the same agency and OID, a new key and serial")
    func renewedAgency() throws {
        let old = try AgencyCertificate.read(certificate("agencies/gca/agency.pem")).get()
        let renewed = try AgencyCertificate.read(certificate("agencies/gca-renewed/agency.pem")).get()
        #expect(renewed.oid == old.oid && renewed.subject == old.subject)
        #expect(renewed.serialHex != old.serialHex)
        #expect(renewed.sha256 != old.sha256)
        #expect(listing.agencies["gca-renewed"]?.agencyCode == listing.agencies["gca"]?.agencyCode)
    }

    @Test("no person's certificate is an agency's, and renewed cards keep the holder but not the serial")
    func people() throws {
        for folder in listing.people.keys.sorted() {
            let signing = try certificate("people/\(folder)/sign.pem")
            #expect(AgencyCertificate.agencyOID(of: signing) == nil, "\(folder)")
            #expect(throws: RegistryProblem.notAnAgencyCard, "\(folder)") { try AgencyCertificate.read(signing).get() }
        }
        for (renewed, original) in [("admin-renewed", "admin"), ("clerk-renewed", "clerk")] {
            let new = try certificate("people/\(renewed)/sign.pem")
            let old = try certificate("people/\(original)/sign.pem")
            #expect(new.subject == old.subject && new.serialHex != old.serialHex, "\(renewed)")
            #expect(listing.people[renewed]?.id == listing.people[original]?.id)
        }
    }

    @Test("the agency directory lists every agency of people.json but gca-unlisted, by code, name and OID")
    func directory() throws {
        let text = try String(contentsOf: TestPKI.root.deletingLastPathComponent().appendingPathComponent("agencies.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "code,name,oid")
        let expected = Set(listing.agencies.filter { $0.key != "gca-unlisted" }.values.map { "\($0.agencyCode),\($0.name),\($0.oid)" })
        #expect(Set(lines.dropFirst()) == expected)
        #expect(lines.count - 1 == expected.count, "each 機關代號 once")
        #expect(!text.contains(try #require(listing.agencies["gca-unlisted"]?.oid)))
    }
}
