import Synchronization

/// How far the import of one batch file has come, for the progress page.
public struct ImportProgress: Sendable, Equatable {
    public let file: String
    /// Records checked and stored so far.
    public let records: Int
    /// Plaintext bytes read so far.
    public let bytes: Int
    public let elapsed: Duration

    public init(file: String, records: Int, bytes: Int, elapsed: Duration) {
        self.file = file
        self.records = records
        self.bytes = bytes
        self.elapsed = elapsed
    }

    public var recordsPerSecond: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(records) / seconds : 0
    }
}

/// Set from any thread (the Cancel button) to stop long work at its next step; the work then
/// throws its `cancelled` error and rolls back.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() {
        flag.store(true, ordering: .relaxed)
    }

    public var isCancelled: Bool {
        flag.load(ordering: .relaxed)
    }
}
