import Foundation
import Testing
@testable import CivicCore

@Suite("Proof by card: the card asked for, its PIN, a signed challenge judged")
struct CardProofTests {
    static let agencyCertificate = CardSlotTests.agencyCertificate
    static let person = CardFixtures.signature
    static let admin = CardFixtures.certificate([("C", "TW"), ("CN", "林志強")], usage: [.digitalSignature, .nonRepudiation],
                                                serial: "1100000000000003")
    /// 2026-12-06, when every fixture certificate is valid.
    static let today = Date(timeIntervalSince1970: 1_796_515_200)
    static let administrator = CardRequest.naturalPerson(whose: UserMessage(zh: "授權管理者的", en: "administrator's"))

    /// A proof brought to its signing phase with `certificate`'s card.
    static func signing(_ request: CardRequest = .agency, certificate: CertificateInfo = agencyCertificate) -> CardProof {
        var proof = CardProof(request: request, challenge: [1, 2, 3])
        proof.cardChanged(.present(holder: certificate.commonName ?? ""), certificate: certificate)
        proof.next()
        proof.pinStatusRead(.normal)
        proof.pinSubmitted()
        proof.pinChecked(nil)
        return proof
    }

    @Test("card, PIN, signing, proven: the signature and challenge kept for the log")
    func happyPath() {
        var proof = CardProof(request: .agency, challenge: [1, 2, 3])
        #expect(proof.phase == .card && proof.problem == CardRequest.agency.absent && !proof.canGoNext)
        proof.cardChanged(.present(holder: "臺北市立示範國民中學"), certificate: Self.agencyCertificate)
        #expect(proof.canGoNext)
        proof.next()
        #expect(proof.phase == .pin)
        proof.pinSubmitted()
        #expect(proof.pin.isChecking)
        proof.pinChecked(nil)
        #expect(proof.phase == .signing)
        proof.answered(signature: [9, 9], check: .verified(signer: Self.agencyCertificate, chainTrusted: true), at: Self.today)
        #expect(proof.phase == .proven)
        #expect(proof.proven == ProvenCard(certificate: Self.agencyCertificate, challenge: [1, 2, 3], signature: [9, 9]))
        proof.cardChanged(.absent, certificate: nil)
        #expect(proof.phase == .proven, "a proven card may leave the reader")
    }

    @Test("tries left: the warning before the last try, a wrong PIN said with the tries, a locked card not submittable")
    func tries() {
        var proof = CardProof(request: .agency)
        proof.cardChanged(.present(holder: "機關"), certificate: Self.agencyCertificate)
        proof.next()
        proof.pinStatusRead(.finalTry)
        #expect(proof.pin.warning == PINStatus.finalTry.warning && proof.pin.warning != nil)
        proof.pinSubmitted()
        proof.pinChecked(.wrongPIN(.finalTry))
        #expect(proof.phase == .pin && proof.problem == PINStatus.finalTry.wrongPINMessage)
        proof.pinSubmitted()
        proof.pinChecked(.pinLocked)
        #expect(proof.phase == .pin && proof.pin.tries == .locked && !proof.pin.canSubmit(length: 6))
    }

    @Test("a card taken out or swapped on the PIN step goes back to the card step, the PIN afresh")
    func cardLeavesOnPIN() {
        var proof = CardProof(request: .agency)
        proof.cardChanged(.present(holder: "機關"), certificate: Self.agencyCertificate)
        proof.next()
        proof.pinSubmitted()
        proof.pinChecked(.wrongPIN(.triesReduced))
        proof.cardChanged(.absent, certificate: nil)
        #expect(proof.phase == .card && proof.pin == PINEntry())
        proof.cardChanged(.present(holder: "機關"), certificate: Self.agencyCertificate)
        proof.next()
        proof.cardChanged(.present(holder: "另一個機關"), certificate: Self.admin)
        #expect(proof.phase == .card, "another card of the kind is not the one the PIN was asked for")
    }

    @Test("a card of the other kind or without the certificate cannot go on")
    func wrongCard() {
        var proof = CardProof(request: .agency)
        proof.cardChanged(.unusable(CardRequest.agency.otherKind), certificate: nil)
        #expect(proof.problem == CardRequest.agency.otherKind && !proof.canGoNext)
        proof.cardChanged(.present(holder: "機關"), certificate: nil)
        #expect(proof.problem == TokenError.keyNotFound(.agency).message)
    }

    @Test("refused answers: a bad signature, another certificate, an untrusted chain, an expired certificate — back to the card, saying so")
    func refusals() throws {
        let expired = CardFixtures.certificate([("CN", "李過期")], usage: [.digitalSignature], serial: "1100000000000005",
                                               notAfter: Date(timeIntervalSince1970: 1_704_067_300))
        let cases: [(CertificateInfo, SignatureCheck, String)] = [
            (Self.agencyCertificate, .badSignature(signer: nil), "簽章驗證失敗"),
            (Self.agencyCertificate, .malformed, "簽章驗證失敗"),
            (Self.agencyCertificate, .verified(signer: Self.admin, chainTrusted: true), "不是卡片上的機關憑證"),
            (Self.agencyCertificate, .verified(signer: Self.agencyCertificate, chainTrusted: false), "不受信任"),
            (expired, .verified(signer: expired, chainTrusted: true), "已過期"),
        ]
        for (certificate, check, words) in cases {
            var proof = Self.signing(certificate: certificate)
            proof.answered(signature: [1], check: check, at: Self.today)
            #expect(proof.phase == .card && proof.proven == nil)
            let problem = try #require(proof.problem)
            #expect(problem.zh.contains(words), "\(check): \(problem.zh)")
            proof.cardChanged(.present(holder: "x"), certificate: Self.admin)
            #expect(proof.problem == nil, "another card clears the refusal")
        }
    }

    @Test("a card only read: proven on Next with its certificate, no PIN, no signature")
    func readOnly() {
        var proof = CardProof(request: Self.administrator, signs: false)
        proof.cardChanged(.present(holder: "張雅婷"), certificate: Self.person)
        proof.next()
        #expect(proof.phase == .proven && proof.proven == ProvenCard(certificate: Self.person, challenge: [], signature: []))
    }

    @Test("fresh challenges: 32 bytes, never the same twice")
    func challenges() {
        let first = CardProof.freshChallenge()
        #expect(first.count == 32 && first != CardProof.freshChallenge())
        #expect(CardProof(request: .agency).challenge != CardProof(request: .agency).challenge)
    }

    // MARK: Sequences

    static func prove(_ sequence: inout CardProofSequence, certificate: CertificateInfo) {
        sequence.cardChanged(.present(holder: certificate.commonName ?? ""), certificate: certificate)
        sequence.update { $0.next() }
        sequence.update { $0.pinChecked(nil) }
        sequence.update { $0.answered(signature: [7], check: .verified(signer: certificate, chainTrusted: true), at: Self.today) }
    }

    @Test("the agency card, then the administrator's: each proven in turn, in order")
    func agencyThenAdministrator() {
        var sequence = CardProofSequence([CardProof(request: .agency), CardProof(request: Self.administrator)])
        #expect(sequence.current?.request == .agency)
        Self.prove(&sequence, certificate: Self.agencyCertificate)
        #expect(sequence.index == 1 && sequence.current?.request == Self.administrator && !sequence.isComplete)
        #expect(sequence.current?.problem == Self.administrator.absent, "the agency card out, the administrator's is asked for")
        Self.prove(&sequence, certificate: Self.admin)
        #expect(sequence.isComplete && sequence.proven.map(\.certificate) == [Self.agencyCertificate, Self.admin])
    }

    @Test("a card already proven cannot stand for a later step; Back re-opens the earlier proof")
    func usedAndBack() {
        var sequence = CardProofSequence([CardProof(request: Self.administrator), CardProof(request: Self.administrator)])
        Self.prove(&sequence, certificate: Self.admin)
        sequence.cardChanged(.present(holder: "林志強"), certificate: Self.admin)
        #expect(sequence.current?.problem == CardProofSequence.alreadyUsed)
        #expect(sequence.usedCertificates == [Self.admin])
        sequence.cardChanged(.present(holder: "王大明"), certificate: Self.person)
        sequence.update { $0.next() }
        #expect(sequence.current?.phase == .pin)
        var went = sequence.back()
        #expect(went && sequence.index == 1 && sequence.current?.phase == .card)
        went = sequence.back()
        #expect(went && sequence.index == 0 && sequence.current?.proven == nil && sequence.current?.phase == .card)
        went = sequence.back()
        #expect(!went, "nothing before the first card")
    }

    @Test("the work refuses a proven card: its step again, saying why, the later proofs afresh")
    func refuse() {
        var sequence = CardProofSequence([CardProof(request: .agency), CardProof(request: Self.administrator)])
        Self.prove(&sequence, certificate: Self.agencyCertificate)
        Self.prove(&sequence, certificate: Self.admin)
        let notRegistered = UserMessage(zh: "這張機關憑證不是已註冊的憑證。", en: "Not the registered agency certificate.")
        sequence.refuse(at: 0, notRegistered)
        #expect(sequence.index == 0 && sequence.current?.problem == notRegistered && sequence.proofs[1].proven == nil)
    }
}
