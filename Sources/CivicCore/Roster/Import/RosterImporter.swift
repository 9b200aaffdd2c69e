import Foundation

/// Imports decrypted batches (spec §2–§3): each payload is framed into lines and its header
/// checked (`BatchReader`), its records checked in parallel on all cores, stored in one
/// transaction per batch, the trailer checked at the end. Any failure — a damaged or cut payload
/// found at the end, a decryption error (tampered file, removed card), a cancel — rolls that
/// batch back.
///
/// Several files are read on a thread of their own ahead of the store, so the next batch is
/// checked while the one before it commits. Memory stays bounded whatever the batch size: lines
/// travel in work units of `recordsPerUnit`, with at most `unitsInFlight` units between reading
/// and storing.
public struct RosterImporter: Sendable {
    public let store: any RosterImportStoring
    public let verifier: any DetachedSignatureVerifying
    public let makeDigest: @Sendable () -> any SHA256Digesting
    public let workers: Int
    public var recordsPerUnit = 256
    /// Enough units (32,768 records on two cores, some 70 MB of lines) that a slow record — one
    /// OpenSSL checks the slow way — holds no core idle while the records after it wait to be
    /// stored in order, and that the next batch keeps the cores checking for as long as one
    /// commits (a quarter of this window left the cores waiting at each commit: 5–10 % slower).
    public var unitsInFlight: Int

    /// One batch file of an import: `open` gives its decrypted content, called on the reading
    /// thread just before the file is read (a card unwraps the file's key then).
    public struct Batch: Sendable {
        public let file: BatchFile
        public let open: @Sendable () throws -> any PlaintextProducing

        public init(file: BatchFile, open: @escaping @Sendable () throws -> any PlaintextProducing) {
            self.file = file
            self.open = open
        }
    }

    public init(store: any RosterImportStoring, verifier: any DetachedSignatureVerifying,
                makeDigest: @escaping @Sendable () -> any SHA256Digesting,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.verifier = verifier
        self.makeDigest = makeDigest
        self.workers = max(workers, 1)
        self.unitsInFlight = 64 * max(workers, 1)
    }

    /// Imports one batch file whose decrypted content `source` delivers. `progress` is called
    /// on the importing thread about ten times a second.
    public func importBatch(_ file: BatchFile, from source: some PlaintextProducing,
                            cancellation: CancellationFlag = CancellationFlag(),
                            progress: (ImportProgress) -> Void = { _ in }) throws -> BatchImportResult {
        if let existing = try store.batch(fileSHA256: file.sha256) { return .alreadyImported(existing) }
        var outcome: Result<BatchImportResult, any Error> = .failure(RosterImportError.cancelled)
        importBatches([Batch(file: file, open: { source })], cancellation: cancellation,
                      progress: { progress($1) }, finished: { outcome = $1; return false })
        return try outcome.get()
    }

    /// Imports `batches` in order, each in one transaction, on this thread. `starting` is called
    /// as a batch begins to be stored, `progress` about ten times a second, and `finished` with
    /// what happened to it; the import goes on with the next batch while `finished` says so.
    public func importBatches(_ batches: [Batch], cancellation: CancellationFlag = CancellationFlag(),
                              starting: (Int) -> Void = { _ in },
                              progress: (Int, ImportProgress) -> Void = { _, _ in },
                              finished: (Int, Result<BatchImportResult, any Error>) -> Bool) {
        let verifier = verifier
        let checking = OrderedParallelMap<BatchReader.Item, BatchReader.Item>(workers: workers, capacity: unitsInFlight) { item in
            guard case .records(let caseId, let firstSeq, let lines, let bytes) = item else { return item }
            let checker = RecordChecker(headerCaseId: caseId, verifier: verifier)
            return .checked(lines.enumerated().map { checker.check(line: $1, seq: firstSeq + $0) }, bytes: bytes)
        }
        let reader = BatchReader(batches: batches, importer: self, map: checking, cancellation: cancellation)
        // Every thread of the import ends before it returns, however it ends.
        defer {
            checking.stop()
            reader.join()
        }
        for (index, batch) in batches.enumerated() {
            starting(index)
            var ended = false
            let outcome = Result<BatchImportResult, any Error> {
                if let existing = try store.batch(fileSHA256: batch.file.sha256) { return .alreadyImported(existing) }
                return try store.importBatch(file: batch.file) { writer in
                    try storeItems(of: batch.file, from: checking, cancellation: cancellation, into: writer, ended: &ended) {
                        progress(index, $0)
                    }
                }
            }
            // What is left of a batch that failed or was imported before is passed over.
            while !ended, let item = checking.takeNextWaiting() {
                if case .end = item { ended = true }
            }
            guard finished(index, outcome) else { return }
        }
    }

    /// Stores one batch's items as they come out of the checking threads, up to its `.end`.
    private func storeItems(of file: BatchFile, from checking: OrderedParallelMap<BatchReader.Item, BatchReader.Item>,
                            cancellation: CancellationFlag, into writer: any RosterBatchWriting, ended: inout Bool,
                            progress: (ImportProgress) -> Void) throws {
        let clock = ContinuousClock()
        let started = clock.now
        var lastReport = started
        var stored = 0
        while let item = checking.takeNextWaiting() {
            switch item {
            case .header(let header):
                try writer.begin(header)
            case .checked(let records, let bytes):
                if cancellation.isCancelled { throw RosterImportError.cancelled }
                try writer.append(records)
                stored += records.count
                let now = clock.now
                if now - lastReport >= .milliseconds(100) {
                    lastReport = now
                    progress(ImportProgress(file: file.name, records: stored, bytes: bytes, elapsed: now - started))
                }
            case .end(let failure, let bytes):
                ended = true
                if let failure { throw failure }
                if cancellation.isCancelled { throw RosterImportError.cancelled }
                progress(ImportProgress(file: file.name, records: stored, bytes: bytes, elapsed: clock.now - started))
                return
            case .records:
                continue
            }
        }
        throw RosterImportError.cancelled
    }
}
