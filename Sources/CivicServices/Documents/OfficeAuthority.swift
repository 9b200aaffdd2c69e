import CivicCore

/// Where the sign-off's permissions come from: the seam between 公文製作 and the registry area.
/// A workspace without a registered office is `SoloOffice` (one person drafting and approving
/// alone: any card chaining to the trust anchors may sign every step, nothing to register). The
/// registry's implementation answers `.office(grantedKeys:)` with the signed-in clerk's
/// permission keys, and names the clerks so the lists can find "me" without a card.
public protocol OfficeAuthorityProviding: Sendable {
    /// The authority the holder of `certificate` acts under.
    func authority(for certificate: CertificateInfo) throws -> SignOffAuthority
    /// Whether the workspace has a registered office (else the lists show every letter as the
    /// one person's own).
    var hasOffice: Bool { get }
}

/// A workspace without a registered office.
public struct SoloOffice: OfficeAuthorityProviding {
    public init() {}

    public func authority(for certificate: CertificateInfo) throws -> SignOffAuthority { .solo }

    public var hasOffice: Bool { false }
}
