import CivicCore
import CivicCrypto
import Foundation

/// Writes one batch file: the header, the records made on all cores in work units (kept in
/// order), the trailer with the count and digest of everything before it — all streamed through
/// the envelope writer, so a 150 MB batch never sits in memory. The file appears under its name
/// only when complete.
struct BatchFileWriter {
    let plan: RosterPlan
    let maker: RecordMaker
    let header: HeaderFacts
    let recipient: CertificateInfo
    let algorithm: ContentEncryptionAlgorithm
    let padding: RSAPadding

    struct HeaderFacts: Sendable {
        let title: String
        let stage: PetitionStage
        let electorate: Int
        let leadName: String
    }

    /// `{caseId}-連署-{yyyyMMdd}.cec`, dated the day the batch was downloaded.
    func fileName(batch: Int) -> String {
        let day = plan.downloadedAt(batch: batch).date
        return "\(plan.caseId)-連署-\(String(format: "%04d%02d%02d", day.year, day.month, day.day)).cec"
    }

    /// Writes batch `batch` (0-based) into `folder`; returns the file and its record count.
    func write(batch: Int, into folder: URL, progress: (Int) -> Void) throws -> (URL, Int) {
        let final = folder.appendingPathComponent(fileName(batch: batch))
        let partial = folder.appendingPathComponent(".\(final.lastPathComponent).partial")
        let envelope = try EnvelopeWriter(url: partial, recipients: [recipient], algorithm: algorithm, padding: padding)
        var digest = Digest()
        var buffer: [UInt8] = []
        func emit(_ line: [UInt8]) throws {
            buffer += line
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { try flush() }
        }
        func flush() throws {
            digest.update(buffer)
            try envelope.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        try emit(headerLine(batch: batch))
        let indices = plan.range(ofBatch: batch)
        let unit = 64
        let making = OrderedParallelMap<Range<Int>, Result<[[UInt8]], Error>>(
            workers: ProcessInfo.processInfo.activeProcessorCount, capacity: 4 * ProcessInfo.processInfo.activeProcessorCount
        ) { [maker, plan] range in
            Result { try range.map { try maker.line(plan.record($0)) } }
        }
        defer { making.stop() }
        var done = 0
        func store(_ lines: Result<[[UInt8]], Error>) throws {
            let lines = try lines.get()
            for line in lines { try emit(line) }
            done += lines.count
            progress(done)
        }
        for start in stride(from: indices.lowerBound, to: indices.upperBound, by: unit) {
            while !making.hasRoom { if let next = making.takeNext() { try store(next) } }
            making.submit(start..<min(start + unit, indices.upperBound))
        }
        while let next = making.takeNext() { try store(next) }
        try flush()
        let trailer = #"{"type":"trailer","records":\#(indices.count),"sha256":"\#(Digest.hex(digest.finish()))"}"# + "\n"
        try envelope.write(Array(trailer.utf8))
        try envelope.finish()
        guard rename(partial.path, final.path) == 0 else { throw SoftwareKeyError.failed("renaming \(partial.path)") }
        return (final, indices.count)
    }

    private func headerLine(batch: Int) -> [UInt8] {
        let object: [String: Any] = [
            "type": "header", "format": RosterHeader.format, "version": RosterHeader.version, "caseId": plan.caseId,
            "caseTitle": header.title, "stage": header.stage.rawValue, "electorate": header.electorate,
            "batch": ["number": batch + 1, "downloadedAt": plan.downloadedAt(batch: batch).rfc3339,
                      "signedFrom": plan.firstDay(ofBatch: batch).date.iso, "signedTo": plan.lastDay(ofBatch: batch).date.iso],
            "lead": ["name": header.leadName],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }
}
