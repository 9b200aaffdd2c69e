import CivicCard
import CivicCore
import CivicCrypto
import Foundation

/// A card that has proven its holder: PIN accepted, a fresh challenge signed on the card and
/// verified with the certificate chain to the trust anchors. Registry changes take these; the
/// login signs the change's audit entry.
public struct ProvenRegistryCard: Sendable {
    public let role: RegistryCardRole
    public let certificate: CertificateInfo
    public let key: TokenKey

    /// `agency:SERIAL` or `person:SERIAL`, as the audit log names actors.
    func actor(_ name: String) -> String { "\(name):\(certificate.serialHex)" }
}

/// The card-proof steps, in one place so the shared card flow can take them over: the card's
/// certificate judged before any PIN (kind, dates, trust), then the PIN, then the challenge.
public enum RegistryCardProof {
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

    /// Signs a fresh challenge on the card with the logged-in key of `certificate` and judges the
    /// signature as every proof by card is judged (`OperationCard.prove`, `CardProof.judge`): the
    /// holder of the card is present.
    public static func prove(_ certificate: CertificateInfo, on card: OperationCard, as role: RegistryCardRole,
                             login: TokenLogin, trust: TrustStore, now: Date = Date()) throws -> ProvenRegistryCard {
        let key = try login.signingKey()
        guard key.certificate == certificate else { throw RegistryProblem.challengeNotProven }
        do {
            _ = try card.prove(login: login, trust: trust, at: now)
        } catch is CardProofRefused {
            throw RegistryProblem.challengeNotProven
        }
        return ProvenRegistryCard(role: role, certificate: certificate, key: key)
    }
}
