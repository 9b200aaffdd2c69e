import Foundation

/// Imports decrypted batches (spec §2–§3): streams the payload line by line, checks the header,
/// checks records in parallel on all cores, stores them in one transaction and checks the
/// trailer at the end. Any failure — a damaged or cut payload found at the end, a decryption
/// error (tampered file, removed card), a cancel — rolls the whole batch back.
///
/// Memory stays bounded whatever the batch size: lines travel in work units of
/// `recordsPerUnit`, with at most `unitsInFlight` units between reading and storing.
public struct RosterImporter: Sendable {
    public let store: any RosterImportStoring
    public let verifier: any DetachedSignatureVerifying
    public let makeDigest: @Sendable () -> any SHA256Digesting
    public let workers: Int
    public var recordsPerUnit = 256
    public var unitsInFlight: Int

    public init(store: any RosterImportStoring, verifier: any DetachedSignatureVerifying,
                makeDigest: @escaping @Sendable () -> any SHA256Digesting,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.verifier = verifier
        self.makeDigest = makeDigest
        self.workers = max(workers, 1)
        self.unitsInFlight = 4 * max(workers, 1)
    }

    /// Imports one batch file whose decrypted content `source` delivers. `progress` is called
    /// from the importing thread about ten times a second.
    public func importBatch(_ file: BatchFile, from source: some PlaintextChunkSource,
                            cancellation: CancellationFlag = CancellationFlag(),
                            progress: @Sendable (ImportProgress) -> Void = { _ in }) throws -> BatchImportResult {
        if let existing = try store.batch(fileSHA256: file.sha256) { return .alreadyImported(existing) }
        var reader = PayloadReader(source: source, framer: PayloadFramer(digest: makeDigest()))
        let header = try reader.readHeader()
        let clock = ContinuousClock()
        let started = clock.now
        var lastReport = started
        return try store.importBatch(header: header, file: file) { sink in
            let checker = RecordChecker(headerCaseId: header.caseId, verifier: verifier)
            let map = OrderedParallelMap<WorkUnit, [CheckedRecord]>(workers: workers, capacity: unitsInFlight) { unit in
                unit.lines.enumerated().map { offset, line in checker.check(line: line, seq: unit.firstSeq + offset) }
            }
            defer { map.stop() }
            var stored = 0
            var nextSeq = 1
            while true {
                if cancellation.isCancelled { throw RosterImportError.cancelled }
                if !reader.isFinished && map.hasRoom {
                    let lines = try reader.nextRecords(upTo: recordsPerUnit)
                    if !lines.isEmpty {
                        map.submit(WorkUnit(firstSeq: nextSeq, lines: lines))
                        nextSeq += lines.count
                    }
                    continue
                }
                guard let records = map.takeNext() else { break }
                try sink.append(records)
                stored += records.count
                let now = clock.now
                if now - lastReport >= .milliseconds(100) {
                    lastReport = now
                    progress(ImportProgress(file: file.name, records: stored, bytes: reader.bytesRead, elapsed: now - started))
                }
            }
            _ = try reader.finish()
            progress(ImportProgress(file: file.name, records: stored, bytes: reader.bytesRead, elapsed: clock.now - started))
        }
    }

    struct WorkUnit: Sendable {
        let firstSeq: Int
        let lines: [[UInt8]]
    }
}

/// Pulls plaintext from the source and frames it into the header, record lines and trailer.
struct PayloadReader<Source: PlaintextChunkSource> {
    private var source: Source
    private var framer: PayloadFramer
    private var splitter = LineSplitter()
    private var lines: [[UInt8]] = []
    private var lineIndex = 0
    private var records: [[UInt8]] = []
    private var sourceEnded = false
    private(set) var bytesRead = 0

    /// True once every line of the payload has been handed on.
    var isFinished: Bool { sourceEnded && lineIndex == lines.count }

    init(source: Source, framer: PayloadFramer) {
        self.source = source
        self.framer = framer
    }

    /// Reads until line 1 is known to be a header of this format.
    mutating func readHeader() throws -> RosterHeader {
        while framer.header == nil {
            guard try nextLine() else { break }
        }
        guard let header = framer.header else { throw RosterPayloadError.empty }
        return header
    }

    /// Up to `limit` record lines; fewer (possibly none) only at the end of the payload.
    mutating func nextRecords(upTo limit: Int) throws -> [[UInt8]] {
        while records.count < limit, try nextLine() {}
        defer { records.removeAll(keepingCapacity: true) }
        return records
    }

    /// Checks the trailer once every line has been read.
    consuming func finish() throws -> RosterTrailer {
        try framer.finish()
    }

    /// Feeds one more line to the framer; false at the end of the payload.
    private mutating func nextLine() throws -> Bool {
        while lineIndex == lines.count {
            if sourceEnded { return false }
            lines.removeAll(keepingCapacity: true)
            lineIndex = 0
            if let chunk = try source.nextChunk() {
                bytesRead += chunk.count
                splitter.push(chunk, into: &lines)
            } else {
                sourceEnded = true
                if let tail = splitter.finish() { lines.append(tail) }
            }
        }
        let line = lines[lineIndex]
        lineIndex += 1
        if let record = try framer.accept(line) { records.append(record) }
        return true
    }
}
