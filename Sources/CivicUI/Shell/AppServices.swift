import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import Foundation

/// The composition root of the window: the adapters every area shares (readers over PC/SC, the
/// trust anchors, the PKCS#11 module for PIN work) and where things are (`CivicDeskFolders`, as
/// the command line finds them), made once at start. Sendable, so background work may carry it;
/// its calls that block (card and token I/O) must run off the main thread.
public struct AppServices: Sendable {
    public let cards = CardService()
    public let trust: TrustAnchors
    /// The workspace, trust anchors, Downloads and Documents, from the environment.
    public let folders: CivicDeskFolders

    private init(trust: TrustAnchors, folders: CivicDeskFolders) {
        self.trust = trust
        self.folders = folders
    }

    /// The services as this machine is set up: the trust anchors of `CIVICDESK_TRUST_DIR`, else
    /// `~/.local/share/civicdesk/trust`.
    public static func load() -> AppServices {
        let folders = CivicDeskFolders()
        return AppServices(trust: .load(from: folders.configuredTrust), folders: folders)
    }

    /// Reads the card in `reader` and judges its certificates (blocking: card I/O and RSA).
    public func readCard(in reader: String) throws(CardError) -> CardReading {
        CardReading(contents: try cards.readCard(in: reader), judgedBy: trust)
    }

    /// The token that holds `certificate` in the configured PKCS#11 module (blocking); nil when
    /// the module sees no such token.
    public func token(holding certificate: CertificateInfo) throws(TokenError) -> Token? {
        try PKCS11Module.load(for: nil).token(holding: certificate)
    }
}
