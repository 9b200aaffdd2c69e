import Foundation

/// The reading side of an import: on a thread of its own, opens the batch files one after
/// another, takes each plaintext as decryption pushes it, frames it into lines (header, records,
/// trailer with its count and digest) and hands the records on in work units, through the
/// import's `OrderedParallelMap`, whose threads check them. It runs ahead of the store, so the
/// next file is being read and checked while a batch commits; the map's capacity bounds how far.
///
/// Each file ends with an `.end` item carrying what stopped it, if anything (a file that cannot
/// be opened, a damaged or cut payload, a decryption error, a cancel). The importer stops the
/// map and then `join()`s the reader before it returns, on every path: the batches' `open`
/// closures hold the card's login, whose session and module must not be released on this
/// thread while the process exits.
final class BatchReader: @unchecked Sendable {
    /// What travels from the reader through the checking threads (which turn `records` into
    /// `checked`) to the store, in order.
    enum Item: Sendable {
        case header(RosterHeader)
        case records(caseId: String, firstSeq: Int, lines: [[UInt8]], bytes: Int)
        case checked([CheckedRecord], bytes: Int)
        case end(failure: (any Error)?, bytes: Int)
    }

    private let batches: [RosterImporter.Batch]
    private let importer: RosterImporter
    private let map: OrderedParallelMap<Item, Item>
    private let cancellation: CancellationFlag
    private var thread: JoinableThread?

    init(batches: [RosterImporter.Batch], importer: RosterImporter, map: OrderedParallelMap<Item, Item>,
         cancellation: CancellationFlag) {
        self.batches = batches
        self.importer = importer
        self.map = map
        self.cancellation = cancellation
        thread = JoinableThread(name: "civicdesk.read") { [self] in readAll() }
    }

    /// Waits until the reading thread has ended. Call it after stopping the map, which the
    /// reader may be waiting on.
    func join() {
        thread?.join()
    }

    private func readAll() {
        defer { map.close() }
        for batch in batches {
            var bytes = 0
            var failure: (any Error)?
            do {
                try read(batch.open(), bytes: &bytes)
            } catch {
                failure = error
            }
            guard map.submitWhenRoom(.end(failure: failure, bytes: bytes)) else { return }
        }
    }

    private func read(_ source: any PlaintextProducing, bytes: inout Int) throws {
        var splitter = LineSplitter()
        var framer = PayloadFramer(digest: importer.makeDigest())
        var lines: [[UInt8]] = []
        var unit: [[UInt8]] = []
        var nextSeq = 1
        let recordsPerUnit = importer.recordsPerUnit

        func submit(_ item: Item) throws {
            guard map.submitWhenRoom(item) else { throw RosterImportError.cancelled }
        }
        func submitUnit(bytes: Int) throws {
            guard let header = framer.header, !unit.isEmpty else { return }
            try submit(.records(caseId: header.caseId, firstSeq: nextSeq, lines: unit, bytes: bytes))
            nextSeq += unit.count
            unit.removeAll(keepingCapacity: true)
        }
        func take(_ line: [UInt8], bytes: Int) throws {
            guard framer.header != nil else {
                _ = try framer.accept(line)
                if let header = framer.header { try submit(.header(header)) }
                return
            }
            guard let record = try framer.accept(line) else { return }
            unit.append(record)
            if unit.count == recordsPerUnit { try submitUnit(bytes: bytes) }
        }

        try source.produce { chunk in
            // A stopped map takes nothing more: the rest of the file need not be decrypted.
            if cancellation.isCancelled || map.isStopped { throw RosterImportError.cancelled }
            bytes += chunk.count
            splitter.push(chunk, into: &lines)
            for line in lines { try take(line, bytes: bytes) }
            lines.removeAll(keepingCapacity: true)
        }
        if let tail = splitter.finish() { try take(tail, bytes: bytes) }
        guard framer.header != nil else { throw RosterPayloadError.empty }
        try submitUnit(bytes: bytes)
        _ = try framer.finish()
    }
}
