import CivicCard
import CivicCore
import Foundation

/// How an operation names its card.
public enum CardChoice: Sendable, Hashable {
    /// A PKCS#11 URI, as the command line's `--token` gives it.
    case uri(String)
    /// The card in this reader, whose certificate (read over PC/SC without a PIN) is given: the
    /// token holding that certificate in the configured PKCS#11 module serves it. The window's way.
    case reader(String, certificate: CertificateInfo)
}

/// The card an operation works with — the lead person's 自然人憑證 for the roster, an agency's or
/// an administrator's card for the registry, a signer's for documents: its PKCS#11 token
/// (everything behind the PIN), its certificates (read without the PIN, so a file not meant for
/// this card is refused before the PIN is asked), and the reader it sits in when known, which is
/// watched while an operation runs so a card taken out stops it.
public struct OperationCard: Sendable {
    public let token: Token
    public let certificates: [TokenCertificate]
    /// The reader holding this card, when PC/SC shows it; nil for a token without one (SoftHSM2
    /// alone) or when no reader service runs.
    public let reader: String?

    public init(token: Token, certificates: [TokenCertificate], reader: String?) {
        self.token = token
        self.certificates = certificates
        self.reader = reader
    }

    /// Finds the card (blocking: PKCS#11 and, for a URI, PC/SC). `modulePath` is the configured
    /// PKCS#11 module (else `CIVICDESK_PKCS11_MODULE`, else the well-known ones).
    public static func open(_ choice: CardChoice, modulePath: String? = nil) throws -> OperationCard {
        switch choice {
        case .uri(let text):
            let uri = try PKCS11URI(text)
            let token = try PKCS11Module.load(for: uri, configuredPath: modulePath).token(matching: uri)
            let certificates = try token.certificates()
            return OperationCard(token: token, certificates: certificates, reader: Self.reader(holdingAnyOf: certificates.map(\.certificate)))
        case .reader(let reader, let certificate):
            guard let token = try PKCS11Module.load(for: nil, configuredPath: modulePath).token(holding: certificate) else {
                throw OperationCardError.noTokenForCard(reader: reader)
            }
            return OperationCard(token: token, certificates: try token.certificates(), reader: reader)
        }
    }

    /// The certificate the card decrypts with (keyEncipherment; rosters are encrypted to a
    /// person's), if the card has one.
    public var encryptionCertificate: CertificateInfo? {
        certificates.first { !$0.certificate.isCA && $0.certificate.mayDecryptKeys }?.certificate
    }

    /// The certificate the card signs with (a person's signing certificate, or an agency's one
    /// certificate), if the card has one.
    public var signingCertificate: CertificateInfo? {
        certificates.first { !$0.certificate.isCA && $0.certificate.maySign }?.certificate
    }

    /// The PIN's state as the token reports it now (it changes after a wrong PIN).
    public func pinStatus() -> PINStatus {
        ((try? token.refreshed()) ?? token).description.pinStatus
    }

    /// Logs in with `pin`, which is wiped whatever happens. A locked card is refused without
    /// trying; a wrong PIN throws `TokenError.wrongPIN` with the tries the token reports
    /// afterwards. The operation that takes the login logs it out when it ends.
    public func login(pin: PINCode) throws(TokenError) -> TokenLogin {
        do throws(TokenError) {
            try Self.refuseIfLocked(pinStatus())
        } catch {
            pin.wipe()
            throw error
        }
        return try token.login(pin: pin)
    }

    /// A locked PIN is not tried at all: every try on a real card is one the user may need later.
    public static func refuseIfLocked(_ status: PINStatus) throws(TokenError) {
        if status == .locked { throw .pinLocked }
    }

    /// The reader whose card holds one of `certificates`, as PC/SC reads it; nil without a reader
    /// service or such a card.
    static func reader(holdingAnyOf certificates: [CertificateInfo]) -> String? {
        guard let readers = try? CardService().readers() else { return nil }
        for reader in readers where reader.hasCard {
            guard let contents = try? CardService().readCard(in: reader.name) else { continue }
            if contents.certificates.contains(where: { certificates.contains($0.certificate) }) { return reader.name }
        }
        return nil
    }
}
