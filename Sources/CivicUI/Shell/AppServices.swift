import CGtk
import CivicCard
import CivicCore
import CivicCrypto
import Foundation

/// The composition root of the window: the adapters every area shares (readers over PC/SC, the
/// trust anchors, the PKCS#11 module for PIN work), made once at start. Sendable, so background
/// work may carry it; its calls that block (card and token I/O) must run off the main thread.
public struct AppServices: Sendable {
    public let cards = CardService()
    public let trust: TrustAnchors

    /// Where trust anchors are looked for: `CIVICDESK_TRUST_DIR`, else
    /// `$XDG_DATA_HOME/civicdesk/trust` (`~/.local/share/civicdesk/trust`).
    static var trustFolder: URL {
        if let folder = ProcessInfo.processInfo.environment["CIVICDESK_TRUST_DIR"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        return URL(fileURLWithPath: String(cString: g_get_user_data_dir()), isDirectory: true)
            .appendingPathComponent("civicdesk/trust", isDirectory: true)
    }

    private init(trust: TrustAnchors) {
        self.trust = trust
    }

    /// The services as this machine is set up (the trust anchors of `trustFolder`).
    public static func load() -> AppServices {
        AppServices(trust: .load(from: trustFolder))
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
