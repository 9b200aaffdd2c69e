import CivicCardSim
import CivicCore
import CivicTestSupport
import Foundation
import Testing
@testable import CivicCard

extension CardLabTests {
    @Suite("Reading cards without a PIN")
    struct Reading {
        let lab: CardLab
        let service = CardService()

        init() throws {
            lab = try CardLab.shared()
        }

        @Test("the lab's two readers are listed, the card in the first")
        func readersListed() throws {
            try lab.present("person:lead")
            let readers = try service.readers()
            #expect(readers.map(\.name) == [lab.readerName, lab.secondReaderName])
            #expect(readers.first?.cardATR == ATRs.hiCOS)
            #expect(readers.last?.hasCard == false)
        }

        @Test("a 自然人憑證: its four certificates equal the test PKI's files byte for byte")
        func naturalPerson() throws {
            try lab.present("person:lead")
            let contents = try service.readCard(in: lab.readerName)
            #expect(contents.kind == .naturalPerson)
            #expect(contents.atr == ATRs.hiCOS)
            let expected: [(CertificateRole, String)] = [(.signature, "people/lead/sign.pem"), (.encryption, "people/lead/enc.pem"),
                                                         (.issuer, "ca/moica.pem"), (.root, "ca/root.pem")]
            #expect(contents.certificates.map(\.role) == expected.map(\.0))
            for (role, file) in expected {
                #expect(contents.certificate(role)?.der == (try TestPKI.der(file)), "\(role)")
            }
            #expect(contents.signingCertificate?.commonName == (try TestPKI.people().people["lead"]?.name))
        }

        @Test("from the card in the reader to the token behind its PIN")
        func cardToToken() throws {
            try lab.present("person:lead")
            let contents = try service.readCard(in: lab.readerName)
            let signing = try #require(contents.signingCertificate)
            let token = try #require(try PKCS11Module.load(for: nil).token(holding: signing))
            #expect(token.description.label == "lead")
        }

        @Test("agency cards of the three agency CAs", arguments: [("gca", "ca/gca.pem"), ("xca", "ca/xca.pem"), ("moeaca", "ca/moeaca.pem")])
        func agency(name: String, issuer: String) throws {
            try lab.present("agency:\(name)")
            let contents = try service.readCard(in: lab.readerName)
            #expect(contents.kind == .agency)
            #expect(contents.certificates.map(\.role) == [.agency, .issuer, .root])
            #expect(contents.certificate(.agency)?.der == (try TestPKI.der("agencies/\(name)/agency.pem")))
            #expect(contents.certificate(.issuer)?.der == (try TestPKI.der(issuer)))
        }

        @Test("a 健保卡 and an unknown card are named, with no certificates and the reason")
        func unusableCards() throws {
            try lab.present("health")
            let health = try service.readCard(in: lab.readerName)
            #expect(health.kind == .healthInsurance)
            #expect(health.atr == ATRs.healthInsurance)
            #expect(health.certificates.isEmpty)
            try lab.present("unknown")
            let unknown = try service.readCard(in: lab.readerName)
            #expect(unknown.kind == .unknown)
            #expect(unknown.certificates.isEmpty)
            #expect(unknown.kind.unusableReason != nil)
        }

        @Test("a card pulled out mid-read gives card-removed and nothing else", arguments: [1, 9, 20, 30])
        func removedMidRead(apdusAnswered: Int) throws {
            try lab.present("person:lead")
            try lab.control("remove-after \(apdusAnswered)")
            #expect(throws: CardError.cardRemoved(reader: lab.readerName)) {
                try service.readCard(in: lab.readerName)
            }
            #expect(try lab.control("status").hasPrefix("ok removed"))
        }

        @Test("a card that answers garbage is unresponsive, not removed")
        func unresponsiveCard() throws {
            try lab.present("person:lead")
            try lab.control("mute")
            #expect(throws: CardError.unresponsiveCard(reader: lab.readerName)) { try service.readCard(in: lab.readerName) }
            try lab.present(nil)
            try lab.present("person:lead")
        }

        @Test func noCardAndNoSuchReader() throws {
            try lab.present(nil)
            #expect(throws: CardError.noCard(reader: lab.readerName)) { try service.readCard(in: lab.readerName) }
            #expect(throws: CardError.readerNotFound("No Such Reader 00 00")) { try service.readCard(in: "No Such Reader 00 00") }
            try lab.present("person:lead")
        }

        @Test("a card another program holds exclusively is reported as in use")
        func sharingViolation() throws {
            try lab.present("person:lead")
            do {
                let exclusive = try CardConnection(context: PCSCContext(), reader: lab.readerName, exclusive: true)
                #expect(throws: CardError.cardInUse(reader: lab.readerName)) { try service.readCard(in: lab.readerName) }
                withExtendedLifetime(exclusive) {}
            }
            #expect(try service.readCard(in: lab.readerName).kind == .naturalPerson, "free again once it lets go")
        }
    }
}
