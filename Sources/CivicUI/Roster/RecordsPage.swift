import CGtk
import CivicCore
import CivicServices

/// Placeholder replaced below.
@MainActor
final class RecordsPage {
    let root = Box(vertical: true)
    var onClose: (@MainActor () -> Void)?
    init(caseId: String, service: RosterService) {}
}
