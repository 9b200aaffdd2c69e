import Foundation

/// How far packing has come.
public struct PackProgress: Sendable, Equatable {
    public let records: Int
    public let total: Int
    public let elapsed: Duration

    public init(records: Int, total: Int, elapsed: Duration) {
        self.records = records
        self.total = total
        self.elapsed = elapsed
    }

    public var fraction: Double { total > 0 ? Double(records) / Double(total) : 1 }
}

/// Packs a case for submission (spec §5): reads the workspace once, in one snapshot, streams
/// `records.jsonl` and `excluded.jsonl` into the archive while a second thread writes the
/// spreadsheet, then builds and signs the manifest and commits both files. Memory stays bounded
/// whatever the roster's size. Any failure (a full disk, a removed card when signing, a cancel)
/// discards both new files and leaves the previous ones as they were.
public struct RosterPacker: Sendable {
    public let source: any RosterPackSource
    public let makeDigest: @Sendable () -> any SHA256Digesting
    /// Bytes gathered before each call to the archive.
    public var archiveBufferSize = 1 << 20

    public init(source: any RosterPackSource, makeDigest: @escaping @Sendable () -> any SHA256Digesting) {
        self.source = source
        self.makeDigest = makeDigest
    }

    public struct Options: Sendable {
        public let caseId: String
        /// Fixes the manifest's `packedAt` and every entry's time, so packing is reproducible.
        public let packedAt: Timestamp
        /// Full ID numbers in the spreadsheet instead of the first six characters and `****`.
        public let fullIDs: Bool

        public init(caseId: String, packedAt: Timestamp, fullIDs: Bool = false) {
            self.caseId = caseId
            self.packedAt = packedAt
            self.fullIDs = fullIDs
        }
    }

    /// Packs and returns the manifest written. The writers are used by this call only; after it
    /// returns they are committed, or discarded when it throws.
    public func pack(_ options: Options, signer: any ManifestSigning, archive: any SubmissionArchiveWriting,
                     spreadsheet: any RosterSpreadsheetWriting, cancellation: CancellationFlag = CancellationFlag(),
                     progress: (PackProgress) -> Void = { _ in }) throws -> SubmissionManifest {
        let rows = Handoff<SpreadsheetWork>(capacity: 8)
        let spreadsheetThread = startSpreadsheet(Handover(value: spreadsheet), rows: rows)
        // The spreadsheet's thread has ended, and let go of the writer, before this returns.
        defer { spreadsheetThread.join() }
        do {
            let manifest = try streamAndSign(options, signer: signer, archive: archive, rows: rows,
                                             cancellation: cancellation, progress: progress)
            try rows.waitForConsumer()
            try archive.commit()
            try spreadsheet.commit()
            return manifest
        } catch {
            rows.abandon()
            try? rows.waitForConsumer()
            archive.discard()
            spreadsheet.discard()
            throw error
        }
    }

    private func streamAndSign(_ options: Options, signer: any ManifestSigning, archive: any SubmissionArchiveWriting,
                               rows: Handoff<SpreadsheetWork>, cancellation: CancellationFlag,
                               progress: (PackProgress) -> Void) throws -> SubmissionManifest {
        let clock = ContinuousClock()
        let started = clock.now
        var rosterCase: RosterCase?
        var records = EntryStream(digest: makeDigest(), bufferSize: archiveBufferSize, write: archive.appendRecords)
        var excluded = EntryStream(digest: makeDigest(), bufferSize: archiveBufferSize, write: archive.appendExcluded)
        var done = 0
        try source.readForPacking(caseId: options.caseId, begin: { rosterCase = $0 }, records: { chunk in
            if cancellation.isCancelled { throw RosterPackError.cancelled }
            var sheetRows: [SpreadsheetRecordRow] = []
            sheetRows.reserveCapacity(chunk.count)
            for record in chunk {
                done += 1
                sheetRows.append(SpreadsheetRecordRow(index: done, record: record.row, fullIDs: options.fullIDs))
                if record.row.status == .valid {
                    try records.append(record.line, lineFeed: true)
                } else {
                    try excluded.append(ExcludedLine.bytes(batch: record.row.batch, seq: record.row.seq, status: record.row.status,
                                                           line: record.line, lineIsObject: record.lineIsObject))
                }
            }
            try rows.put(.records(sheetRows))
            progress(PackProgress(records: done, total: rosterCase?.counts.total ?? done, elapsed: clock.now - started))
        })
        guard let rosterCase else { throw RosterCaseError.unknown(caseId: options.caseId) }
        try rows.put(.statistics(SpreadsheetStatistics(rosterCase: rosterCase)))
        rows.finish()
        let manifest = SubmissionManifest(rosterCase: rosterCase, recordsSHA256: try records.finish(),
                                          excludedSHA256: try excluded.finish(), packedAt: options.packedAt,
                                          packedBy: signer.certificate.subject.rfc4514)
        let manifestBytes = try manifest.encoded()
        if cancellation.isCancelled { throw RosterPackError.cancelled }
        try archive.finish(manifest: manifestBytes, signature: try signer.sign(manifestBytes))
        return manifest
    }

    private enum SpreadsheetWork: Sendable {
        case records([SpreadsheetRecordRow])
        case statistics(SpreadsheetStatistics)
    }

    /// Writes the spreadsheet on its own thread, from what `rows` delivers.
    private func startSpreadsheet(_ spreadsheet: Handover<any RosterSpreadsheetWriting>,
                                  rows: Handoff<SpreadsheetWork>) -> JoinableThread {
        JoinableThread(name: "civicdesk.spreadsheet") {
            do {
                while let work = rows.take() {
                    switch work {
                    case .records(let records):
                        for record in records { try spreadsheet.value.appendRecord(record) }
                    case .statistics(let statistics):
                        try spreadsheet.value.finish(statistics: statistics)
                    }
                }
                rows.consumerFinished(nil)
            } catch {
                rows.consumerFinished(error)
            }
        }
    }
}

/// One large archive entry as it streams: bytes gathered into large writes, and digested.
private struct EntryStream {
    var digest: any SHA256Digesting
    let bufferSize: Int
    let write: ([UInt8]) throws -> Void
    var buffer: [UInt8] = []

    init(digest: any SHA256Digesting, bufferSize: Int, write: @escaping ([UInt8]) throws -> Void) {
        self.digest = digest
        self.bufferSize = bufferSize
        self.write = write
        buffer.reserveCapacity(bufferSize)
    }

    mutating func append(_ bytes: [UInt8], lineFeed: Bool = false) throws {
        buffer += bytes
        if lineFeed { buffer.append(0x0A) }
        if buffer.count >= bufferSize { try flush() }
    }

    /// Writes what is left and returns the entry's SHA-256 (hex).
    mutating func finish() throws -> String {
        try flush()
        return digest.finishHex()
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        digest.update(buffer)
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Why packing stopped; nothing new was written.
public enum RosterPackError: UserFacingError, Sendable, Equatable {
    case cancelled

    public var message: UserMessage {
        switch self {
        case .cancelled:
            UserMessage(zh: "已取消打包，原有的送件檔與試算表未被改動。",
                        en: "Packing cancelled; the existing submission files were left as they were.")
        }
    }
}
