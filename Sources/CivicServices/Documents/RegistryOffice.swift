import CivicCore
import CivicStore

/// The office as the registry records it in the same workspace database: without a registered
/// office the one person of `SoloOffice`; with one, the signer's certificate serial must be a
/// registered clerk's (else `OfficeAccess.Refusal.notAClerk`) and that clerk's granted
/// permission keys decide each step. Read at every signature, so a grant or removal made in the
/// registry area takes effect without reopening anything.
public struct RegistryOffice: OfficeAuthorityProviding {
    let store: RegistryStore

    public init(database: WorkspaceDatabase) {
        store = RegistryStore(database: database)
    }

    public func authority(for certificate: CertificateInfo) throws -> SignOffAuthority {
        guard try store.office() != nil else { return .solo }
        let clerk = try OfficeAccess.signIn(serial: certificate.serialHex, clerks: store.clerks()).get()
        return .office(grantedKeys: Set(clerk.permissions.keys.map(\.value)))
    }

    /// An unreadable registry counts as no office: the signing itself then reports the failure.
    public var hasOffice: Bool {
        (try? store.office()) != nil
    }
}
