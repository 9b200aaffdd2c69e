import CivicCore
import Foundation

extension TrustAnchors {
    /// The anchors in `folder` (see `TrustStore(folder:)`). A missing or empty folder means
    /// none were set up; a folder whose contents cannot be used is reported as such, so the
    /// page can tell the two apart.
    public static func load(from folder: URL) -> TrustAnchors {
        do {
            return .loaded(try TrustStore(folder: folder))
        } catch TrustStoreError.cannotRead(let path) where path == folder.path {
            return .unavailable(.notConfigured(folder: folder.path))
        } catch TrustStoreError.noAnchors {
            return .unavailable(.notConfigured(folder: folder.path))
        } catch let error as TrustStoreError {
            return .unavailable(.unusable(error.message))
        } catch {
            return .unavailable(.unusable(UserMessage(zh: "無法載入信任的憑證：\(error)",
                                                      en: "Cannot load the trusted certificates: \(error)")))
        }
    }
}
