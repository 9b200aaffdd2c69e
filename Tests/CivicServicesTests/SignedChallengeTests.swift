import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import CivicTestSupport
import Foundation
import Testing

/// Proof by card over real SoftHSM2 tokens of the shared card lab: the agency token `gca` and
/// persons' tokens no other test in this process logs into (PKCS#11 login state is per process).
/// The cards are used without a reader to watch (this process's PC/SC belongs to other tests).
@Suite("Proof by card: a challenge signed on the token, checked against the trust anchors", .serialized)
struct SignedChallengeTests {
    let trust: TrustStore

    init() throws {
        _ = try CardLab.shared()
        trust = try TrustStore(folder: TestPKI.url("trust"))
    }

    func card(_ label: String) throws -> OperationCard {
        let card = try OperationCard.open(.uri("pkcs11:token=\(label)"))
        return OperationCard(token: card.token, certificates: card.certificates, reader: nil)
    }

    func login(_ card: OperationCard, pin: String = "123456") throws(TokenError) -> TokenLogin {
        var bytes = Array(pin.utf8)
        return try card.login(pin: PINCode(wiping: &bytes))
    }

    func certificate(_ path: String) throws -> CertificateInfo {
        try CertificateParser.parse(der: TestPKI.der(path))
    }

    @Test("the agency card gca: a wrong PIN said with its tries, then the challenge signed with its one certificate, verified and chained; the proof holds")
    func agencyCard() throws {
        let card = try card("gca")
        let agency = try certificate("agencies/gca/agency.pem")
        #expect(card.signingCertificate == agency)
        #expect(card.certificates.first { $0.certificate == agency }?.role == .agency)

        var proof = CardProof(request: .agency)
        proof.cardChanged(.present(holder: agency.commonName ?? ""), certificate: card.signingCertificate)
        proof.next()
        proof.pinStatusRead(card.pinStatus())
        proof.pinSubmitted()
        do {
            _ = try login(card, pin: "000000")
            Issue.record("a wrong PIN was taken")
        } catch {
            proof.pinChecked(error)
        }
        #expect(proof.phase == .pin && proof.problem == PINStatus.triesReduced.wrongPINMessage)
        #expect(card.pinStatus() == .triesReduced)
        proof.pinSubmitted()
        let login = try login(card)
        defer { login.logout() }
        proof.pinChecked(nil)
        #expect(proof.phase == .signing && card.pinStatus() == .normal)

        let signed = try card.sign(challenge: proof.challenge, login: login)
        #expect(signed.certificate == agency && signed.challenge == proof.challenge)
        let check = signed.check(against: trust)
        #expect(check == .verified(signer: agency, chainTrusted: true))
        proof.answered(signature: signed.signature, check: check, at: Date())
        #expect(proof.proven == ProvenCard(certificate: agency, challenge: proof.challenge, signature: signed.signature))

        let atOnce = try card.prove(login: login, trust: trust)
        #expect(atOnce.certificate == agency && atOnce.challenge.count == 32 && atOnce.challenge != proof.challenge)
        #expect(SignedChallenge(challenge: atOnce.challenge, signature: atOnce.signature, certificate: agency).check(against: trust)
                == .verified(signer: agency, chainTrusted: true))

        let replayed = SignedChallenge(challenge: CardProof.freshChallenge(), signature: signed.signature, certificate: agency)
        #expect(replayed.check(against: trust) == .badSignature(signer: agency), "the signature holds for its own challenge only")
        let moicaOnly = try TrustStore(anchors: [certificate("trust/root.pem"), certificate("trust/moica.pem")])
        #expect(signed.check(against: moicaOnly) == .verified(signer: agency, chainTrusted: false),
                "without the GCA among the anchors the agency certificate does not chain")
    }

    @Test("a person's card signs with its signing certificate, not the encryption one; its own CA outside the anchors is refused")
    func personCard() throws {
        let card = try card("untrusted")
        let signing = try certificate("people/untrusted/sign.pem")
        let login = try login(card)
        defer { login.logout() }
        let signed = try card.sign(challenge: Array("挑戰".utf8), login: login)
        #expect(signed.certificate == signing)
        let ownAnchors = try TrustStore(anchors: [certificate("untrusted/root.pem"), certificate("untrusted/issuing.pem")])
        #expect(signed.check(against: ownAnchors) == .verified(signer: signing, chainTrusted: true))

        let check = signed.check(against: trust)
        #expect(check == .verified(signer: signing, chainTrusted: false))
        var proof = CardProof(request: .naturalPerson(), challenge: signed.challenge)
        proof.cardChanged(.present(holder: "鄭外來"), certificate: signing)
        proof.next()
        proof.pinChecked(nil)
        proof.answered(signature: signed.signature, check: check, at: Date())
        #expect(proof.phase == .card && proof.problem?.zh.contains("不受信任") == true)
    }

    @Test("an expired card signs, but its proof is refused as expired")
    func expiredCard() throws {
        let card = try card("expired")
        let login = try login(card)
        defer { login.logout() }
        let challenge = CardProof.freshChallenge()
        let signed = try card.sign(challenge: challenge, login: login)
        let check = signed.check(against: trust)
        #expect(check == .verified(signer: try certificate("people/expired/sign.pem"), chainTrusted: true))
        var proof = CardProof(request: .naturalPerson(), challenge: challenge)
        proof.cardChanged(.present(holder: "李過期"), certificate: signed.certificate)
        proof.next()
        proof.pinChecked(nil)
        proof.answered(signature: signed.signature, check: check, at: Date())
        #expect(proof.phase == .card && proof.problem?.zh.contains("已過期") == true)
        #expect(throws: CardProofRefused(message: try #require(proof.problem))) { try card.prove(login: login, trust: trust) }
    }

    @Test("a card whose certificate may not sign has no signing key; a logged-out session signs nothing")
    func cannotSign() throws {
        let card = try card("wrong-usage")
        let login = try login(card)
        #expect(throws: TokenError.keyNotFound(.signature)) { try card.sign(challenge: [1], login: login) }
        login.logout()
        let agency = try self.card("gca")
        let ended = try self.login(agency)
        ended.logout()
        #expect(throws: TokenError.loggedOut) { try agency.sign(challenge: [1], login: ended) }
    }
}
