import CivicCrypto
import Foundation

extension CivicDeskFolders {
    /// The trust anchors of every folder in `trust` (blocking: reads and checks them).
    public func loadTrust() throws -> TrustStore {
        guard !trust.isEmpty else { throw RosterServiceError.noTrustAnchors(folder: configuredTrust.path) }
        return try TrustStore(anchors: trust.flatMap { try TrustStore(folder: $0).anchors })
    }
}
