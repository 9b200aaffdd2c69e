import Foundation

/// Imports decrypted batches (spec §2–§3): takes the payload as decryption pushes it, frames it
/// into lines, checks the header, checks records in parallel on all cores, stores them in one
/// transaction and checks the trailer at the end. Any failure — a damaged or cut payload found
/// at the end, a decryption error (tampered file, removed card), a cancel — rolls the whole batch
/// back.
///
/// Memory stays bounded whatever the batch size: lines travel in work units of
/// `recordsPerUnit`, with at most `unitsInFlight` units between reading and storing.
public struct RosterImporter: Sendable {
    public let store: any RosterImportStoring
    public let verifier: any DetachedSignatureVerifying
    public let makeDigest: @Sendable () -> any SHA256Digesting
    public let workers: Int
    public var recordsPerUnit = 256
    /// Enough units (8,192 records on two cores) that a slow record — one OpenSSL checks the
    /// slow way — holds no core idle while the records after it wait to be stored in order:
    /// 0.8 s less for a full petition than a quarter of this.
    public var unitsInFlight: Int

    public init(store: any RosterImportStoring, verifier: any DetachedSignatureVerifying,
                makeDigest: @escaping @Sendable () -> any SHA256Digesting,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.verifier = verifier
        self.makeDigest = makeDigest
        self.workers = max(workers, 1)
        self.unitsInFlight = 16 * max(workers, 1)
    }

    /// Imports one batch file whose decrypted content `source` delivers. `progress` is called
    /// on the importing thread about ten times a second.
    public func importBatch(_ file: BatchFile, from source: some PlaintextProducing,
                            cancellation: CancellationFlag = CancellationFlag(),
                            progress: (ImportProgress) -> Void = { _ in }) throws -> BatchImportResult {
        if let existing = try store.batch(fileSHA256: file.sha256) { return .alreadyImported(existing) }
        return try withoutActuallyEscaping(progress) { progress in
            try store.importBatch(file: file) { writer in
                let run = ImportRun(importer: self, file: file, writer: writer, cancellation: cancellation, progress: progress)
                defer { run.stop() }
                try source.produce { try run.push($0) }
                try run.finish()
            }
        }
    }
}

/// One import as it runs: the framing of the payload, the records being checked, and what has
/// been stored.
private final class ImportRun {
    private let importer: RosterImporter
    private let file: BatchFile
    private let writer: any RosterBatchWriting
    private let cancellation: CancellationFlag
    private let progress: (ImportProgress) -> Void
    private var splitter = LineSplitter()
    private var framer: PayloadFramer
    private var lines: [[UInt8]] = []
    private var unit: [[UInt8]] = []
    private var checking: OrderedParallelMap<WorkUnit, [CheckedRecord]>?
    private var nextSeq = 1
    private var stored = 0
    private var bytes = 0
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant

    init(importer: RosterImporter, file: BatchFile, writer: any RosterBatchWriting, cancellation: CancellationFlag,
         progress: @escaping (ImportProgress) -> Void) {
        self.importer = importer
        self.file = file
        self.writer = writer
        self.cancellation = cancellation
        self.progress = progress
        framer = PayloadFramer(digest: importer.makeDigest())
        started = clock.now
        lastReport = started
    }

    func push(_ chunk: [UInt8]) throws {
        if cancellation.isCancelled { throw RosterImportError.cancelled }
        bytes += chunk.count
        splitter.push(chunk, into: &lines)
        try take(lines)
        lines.removeAll(keepingCapacity: true)
    }

    /// After the last chunk: the last line, the remaining records, then the trailer's checks.
    func finish() throws {
        if let tail = splitter.finish() { try take([tail]) }
        guard framer.header != nil else { throw RosterPayloadError.empty }
        try dispatch()
        while try storeNext() {}
        _ = try framer.finish()
        progress(ImportProgress(file: file.name, records: stored, bytes: bytes, elapsed: clock.now - started))
    }

    func stop() {
        checking?.stop()
    }

    private func take(_ lines: [[UInt8]]) throws {
        for line in lines {
            guard framer.header != nil else {
                _ = try framer.accept(line)
                if let header = framer.header { try start(header) }
                continue
            }
            guard let record = try framer.accept(line) else { continue }
            unit.append(record)
            if unit.count == importer.recordsPerUnit { try dispatch() }
        }
    }

    /// The header is known: the store may refuse the batch now; checking starts.
    private func start(_ header: RosterHeader) throws {
        try writer.begin(header)
        let checker = RecordChecker(headerCaseId: header.caseId, verifier: importer.verifier)
        checking = OrderedParallelMap(workers: importer.workers, capacity: importer.unitsInFlight) { unit in
            unit.lines.enumerated().map { offset, line in checker.check(line: line, seq: unit.firstSeq + offset) }
        }
    }

    /// Hands the gathered records to the checkers, storing checked ones while the queue is full.
    private func dispatch() throws {
        guard let checking, !unit.isEmpty else { return }
        while !checking.hasRoom { _ = try storeNext() }
        checking.submit(WorkUnit(firstSeq: nextSeq, lines: unit))
        nextSeq += unit.count
        unit.removeAll(keepingCapacity: true)
    }

    /// Stores the oldest checked unit; false when none is in flight.
    private func storeNext() throws -> Bool {
        if cancellation.isCancelled { throw RosterImportError.cancelled }
        guard let records = checking?.takeNext() else { return false }
        try writer.append(records)
        stored += records.count
        let now = clock.now
        if now - lastReport >= .milliseconds(100) {
            lastReport = now
            progress(ImportProgress(file: file.name, records: stored, bytes: bytes, elapsed: now - started))
        }
        return true
    }

    struct WorkUnit: Sendable {
        let firstSeq: Int
        let lines: [[UInt8]]
    }
}
