import Foundation

/// `manifest.json` of the submission package (spec §5): what was packed, from which batches,
/// with the digests of the two record files. Encoded with sorted keys, so the same workspace
/// packed at the same `packedAt` gives the same bytes.
public struct SubmissionManifest: Sendable, Hashable, Codable {
    public static let formatName = "tw.cec.petition-submission"

    public var format = SubmissionManifest.formatName
    public var version = 1
    public let caseId: String
    public let caseTitle: String
    public let stage: PetitionStage
    public let electorate: Int
    public let threshold: Int
    public let batches: [Batch]
    public let counts: StatusCounts
    /// SHA-256 (lower-case hex) of `records.jsonl` and `excluded.jsonl`.
    public let files: [String: String]
    public let packedAt: String
    /// The subject of the signing certificate (RFC 4514).
    public let packedBy: String
    public let tool: String

    public struct Batch: Sendable, Hashable, Codable {
        public let number: Int
        public let file: String
        public let sha256: String
        public let records: Int
    }

    public init(rosterCase: RosterCase, recordsSHA256: String, excludedSHA256: String, packedAt: Timestamp,
                packedBy: String, tool: String = "CivicDesk \(CivicDeskVersion.number)") {
        caseId = rosterCase.caseId
        caseTitle = rosterCase.caseTitle
        stage = rosterCase.stage
        electorate = rosterCase.electorate
        threshold = rosterCase.threshold
        batches = rosterCase.batches.map { Batch(number: $0.number, file: $0.file.name, sha256: $0.file.sha256, records: $0.records) }
        counts = rosterCase.counts
        files = [SubmissionPackage.recordsEntry: recordsSHA256, SubmissionPackage.excludedEntry: excludedSHA256]
        self.packedAt = packedAt.rfc3339
        self.packedBy = packedBy
        self.tool = tool
    }

    /// The bytes of `manifest.json`: compact UTF-8 JSON with sorted keys.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}

/// Lines of `excluded.jsonl` (spec §5): `{"batch":N,"seq":N,"status":"…","line":<record>}`, the
/// record object embedded byte for byte. A line that was not a JSON object at all is embedded
/// as a JSON string of its text (invalid UTF-8 replaced by U+FFFD), so the file stays JSON Lines.
public enum ExcludedLine {
    public static func bytes(batch: Int, seq: Int, status: RecordStatus, line: [UInt8], lineIsObject: Bool) -> [UInt8] {
        var bytes = Array("{\"batch\":\(batch),\"seq\":\(seq),\"status\":\"\(status.rawValue)\",\"line\":".utf8)
        if lineIsObject {
            bytes += line
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            bytes += (try? encoder.encode(String(decoding: line, as: UTF8.self))).map { Array($0) } ?? Array("\"\"".utf8)
        }
        bytes += Array("}\n".utf8)
        return bytes
    }
}
