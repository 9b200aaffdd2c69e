import CivicCore
import Synchronization

/// Stops a running card operation (an import, a pack…) from any thread — the Cancel button, or
/// the card leaving its reader — and remembers which of the two it was, so the user is told the
/// right reason.
/// One per operation.
public final class OperationControl: Sendable {
    /// What Core's importer and packer look at between steps.
    public let cancellation = CancellationFlag()
    private let removed = Atomic<Bool>(false)

    public init() {}

    /// The user's cancel: the file or pack under way is rolled back, nothing further starts.
    public func cancel() {
        cancellation.cancel()
    }

    public var isStopped: Bool { cancellation.isCancelled }

    /// True when the card left its reader while the operation ran.
    public var cardWasRemoved: Bool { removed.load(ordering: .relaxed) }

    func cardRemoved() {
        removed.store(true, ordering: .relaxed)
        cancellation.cancel()
    }
}
