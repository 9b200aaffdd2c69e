import CivicCard
import CivicCore
import CivicCrypto
import Foundation

/// A challenge signed on a card to prove who holds it (the registry's proof by card, issue 13;
/// a document's signer): the challenge, the detached CMS SignedData over it — made as the
/// roster's manifest signature is, with the card's signing key — and the certificate it was
/// made with: a person's signing certificate, or an agency's one certificate.
public struct SignedChallenge: Sendable, Equatable {
    public let challenge: [UInt8]
    /// DER CMS SignedData, detached, carrying `certificate`.
    public let signature: [UInt8]
    public let certificate: CertificateInfo

    public init(challenge: [UInt8], signature: [UInt8], certificate: CertificateInfo) {
        self.challenge = challenge
        self.signature = signature
        self.certificate = certificate
    }

    /// The signature checked over the challenge, and its certificate's chain to the anchors of
    /// `trust` (on signatures and CA constraints; the dates and whether it is the card's own are
    /// Core's to judge: `CardProof.answered`).
    public func check(against trust: TrustStore) -> SignatureCheck {
        DetachedSignatureVerifier(trustStore: trust).check(signature: signature, over: challenge)
    }
}

extension OperationCard {
    /// Signs `challenge` with this card's signing key through `login` (the PIN step's), at
    /// `time`. A card taken out of its reader meanwhile fails with `TokenError.tokenRemoved`,
    /// even where the token would still answer (SoftHSM2, a caching module).
    public func sign(challenge: [UInt8], login: TokenLogin, at time: Date = Date()) throws -> SignedChallenge {
        let control = OperationControl()
        let signed = try ReaderWatch.watching(reader, control: control, removed: TokenError.tokenRemoved) {
            let key = try login.signingKey()
            guard certificates.contains(where: { $0.certificate == key.certificate }) else {
                throw TokenError.keyNotFound(signingRole)
            }
            return SignedChallenge(challenge: challenge, signature: try DetachedSigner.sign(challenge, with: key, signingTime: time),
                                   certificate: key.certificate)
        }
        if control.cardWasRemoved { throw TokenError.tokenRemoved }
        return signed
    }

    /// What the signing certificate is on this card: an agency's, or a person's signature.
    var signingRole: CertificateRole {
        certificates.contains { $0.role == .agency } ? .agency : .signature
    }
}

extension OperationCard {
    /// The whole proof at once, as the command line makes it after the PIN: a fresh challenge
    /// signed through `login`, checked against `trust` and judged as the window judges it
    /// (`CardProof.judge`). Throws `CardProofRefused` saying why a signature does not prove the card.
    public func prove(login: TokenLogin, trust: TrustStore, at date: Date = Date()) throws -> ProvenCard {
        let signed = try sign(challenge: CardProof.freshChallenge(), login: login, at: date)
        if let refusal = CardProof.judge(signed.check(against: trust), of: signed.certificate, role: signingRole, at: date) {
            throw CardProofRefused(message: refusal)
        }
        return ProvenCard(certificate: signed.certificate, challenge: signed.challenge, signature: signed.signature)
    }
}

/// A card's signature that does not prove who holds it (untrusted, expired, not its own).
public struct CardProofRefused: UserFacingError, Sendable, Equatable {
    public let message: UserMessage

    public init(message: UserMessage) {
        self.message = message
    }
}
