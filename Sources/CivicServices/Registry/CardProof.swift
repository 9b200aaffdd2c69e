import CivicCard
import CivicCore
import CivicCrypto
import Foundation

/// A card that has proven its holder: PIN accepted, a fresh challenge signed on the card and
/// verified with the certificate chain to the trust anchors. Registry changes take these; the
/// login signs the change's audit entry.
public struct ProvenCard: Sendable {
    public let role: RegistryCardRole
    public let certificate: CertificateInfo
    public let key: TokenKey

    /// `agency:SERIAL` or `person:SERIAL`, as the audit log names actors.
    func actor(_ name: String) -> String { "\(name):\(certificate.serialHex)" }
}

/// The card-proof steps, in one place so the shared card flow can take them over: the card's
/// certificate judged before any PIN (kind, dates, trust), then the PIN, then the challenge.
public enum CardProof {
    /// The certificate a step will prove, checked without the PIN: of the asked kind, valid now,
    /// issued under the trust anchors. Refusing here costs no PIN try.
    public static func certificate(on card: OperationCard, as role: RegistryCardRole, trust: TrustStore,
                                   now: Date = Date()) throws(RegistryProblem) -> CertificateInfo {
        let holders = card.certificates.map(\.certificate).filter { !$0.isCA }
        let certificate: CertificateInfo
        switch role {
        case .agency:
            guard let agency = holders.first(where: { AgencyCertificate.agencyOID(of: $0) != nil && $0.maySign }) else {
                throw .notAnAgencyCard
            }
            if case .failure(let problem) = AgencyCertificate.read(agency) { throw problem }
            certificate = agency
        case .person:
            guard let signing = holders.first(where: { $0.maySign }) else { throw .notAPersonCard }
            if case .failure(let problem) = PersonCertificate.read(signing) { throw problem }
            certificate = signing
        }
        let name = role == .agency ? UserMessage(zh: "機關憑證", en: "The agency certificate")
                                   : UserMessage(zh: "自然人憑證", en: "The citizen certificate")
        guard certificate.isValid(at: now) else { throw .expired(name) }
        let intermediates = card.certificates.map(\.certificate).filter(\.isCA)
        guard trust.chainsIgnoringDates(certificate, intermediates: intermediates) else { throw .untrusted(name) }
        return certificate
    }

    /// Signs 32 fresh random bytes on the card with the logged-in key of `certificate`, and
    /// verifies the signature and its chain: the holder of the card is present.
    public static func prove(_ certificate: CertificateInfo, as role: RegistryCardRole, login: TokenLogin,
                             trust: TrustStore, now: Date = Date()) throws -> ProvenCard {
        let key = try login.signingKey()
        guard key.certificate == certificate else { throw RegistryProblem.challengeNotProven }
        var generator = SystemRandomNumberGenerator()
        let challenge = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let signature = try DetachedSigner.sign(challenge, with: key, signingTime: now)
        guard case .verified(let signer, let chainTrusted) = DetachedSignatureVerifier(trustStore: trust)
            .check(signature: signature, over: challenge), chainTrusted, signer.der == certificate.der else {
            throw RegistryProblem.challengeNotProven
        }
        return ProvenCard(role: role, certificate: certificate, key: key)
    }
}
