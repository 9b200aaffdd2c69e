import CivicCore
import CivicFiles
import Foundation

/// `連署(送件用).zip` (spec §5), written with zlib rather than a zip library because it must be
/// fast and exact: the two large entries are deflated at level 1 as the records stream in
/// (ZIPFoundation 0.9.20 always uses level 6 and, on Linux, a byte-at-a-time CRC-32, and can only
/// stream entries in the order they are stored — but the manifest, stored first, depends on the
/// digests of the entries after it). Each large entry is compressed into a nameless scratch file
/// in the destination folder; `finish` lays the entries out in the spec's order in the staged
/// archive, with `packedAt` as every entry's time, and `commit` renames it into place.
public final class ZipSubmissionArchive: SubmissionArchiveWriting {
    public let destination: URL
    private let output: StagedFile
    private var records: SpooledEntry
    private var excluded: SpooledEntry
    private var zip: ZipRecords
    private let level: Int32

    /// Prepares `folder/連署(送件用).zip`; nothing appears under that name before `commit()`.
    public init(folder: URL, packedAt: Timestamp, level: Int32 = 1) throws {
        destination = folder.appendingPathComponent(SubmissionPackage.archiveName)
        output = try StagedFile(destination: destination)
        records = try SpooledEntry(name: SubmissionPackage.recordsEntry, folder: folder, level: level)
        excluded = try SpooledEntry(name: SubmissionPackage.excludedEntry, folder: folder, level: level)
        let date = packedAt.date
        zip = ZipRecords(date: (date.year, date.month, date.day, packedAt.hour, packedAt.minute, packedAt.second),
                         unixTime: packedAt.secondsSinceEpoch)
        self.level = level
    }

    /// Writes Zip64 records even for small archives (to test that path).
    var forceZip64: Bool {
        get { zip.forceZip64 }
        set { zip.forceZip64 = newValue }
    }

    public func appendRecords(_ bytes: [UInt8]) throws {
        try records.append(bytes)
    }

    public func appendExcluded(_ bytes: [UInt8]) throws {
        try excluded.append(bytes)
    }

    public func finish(manifest: [UInt8], signature: [UInt8]) throws {
        try records.finish()
        try excluded.finish()
        let file = output.handle
        var offset: Int64 = 0
        var entries: [ZipEntryRecord] = []
        func add(_ name: String, crc: UInt32, compressed: Int64, uncompressed: Int64, body: () throws -> Void) throws {
            let entry = ZipEntryRecord(name: name, crc: crc, compressedSize: compressed, uncompressedSize: uncompressed,
                                       localHeaderOffset: offset)
            let header = zip.localHeader(entry)
            try file.write(header)
            try body()
            offset += Int64(header.count) + compressed
            entries.append(entry)
        }
        func add(_ name: String, small bytes: [UInt8]) throws {
            let small = try SmallEntry(bytes, level: level)
            try add(name, crc: small.crc, compressed: Int64(small.compressed.count), uncompressed: Int64(bytes.count)) {
                try file.write(small.compressed)
            }
        }
        func add(_ large: SpooledEntry) throws {
            try add(large.name, crc: large.crc, compressed: large.compressedSize, uncompressed: large.uncompressedSize) {
                try file.append(contentsOf: large.spool.handle)
            }
        }
        try add(SubmissionPackage.manifestEntry, small: manifest)
        try add(records)
        try add(excluded)
        try add(SubmissionPackage.signatureEntry, small: signature)
        let directoryOffset = offset
        var directory: [UInt8] = []
        for entry in entries { directory += zip.centralHeader(entry) }
        try file.write(directory)
        try file.write(zip.end(count: entries.count, offset: directoryOffset, size: Int64(directory.count)))
    }

    public func commit() throws {
        try output.commit()
    }

    public func discard() {
        output.discard()
    }
}

/// A large entry compressed as it streams into a scratch file.
private struct SpooledEntry {
    let name: String
    let spool: SpoolFile
    let deflater: Deflater

    init(name: String, folder: URL, level: Int32) throws {
        self.name = name
        let spool = try SpoolFile(in: folder)
        self.spool = spool
        deflater = Deflater(level: level) { try spool.handle.write($0) }
    }

    var crc: UInt32 { deflater.crc }
    var compressedSize: Int64 { deflater.compressedSize }
    var uncompressedSize: Int64 { deflater.uncompressedSize }

    func append(_ bytes: [UInt8]) throws {
        try deflater.compress(bytes)
    }

    func finish() throws {
        try deflater.finish()
    }
}

/// A small entry (the manifest, its signature) compressed in memory.
private struct SmallEntry {
    let crc: UInt32
    let compressed: [UInt8]

    init(_ bytes: [UInt8], level: Int32) throws {
        var compressed: [UInt8] = []
        let deflater = Deflater(level: level, workers: 1) { compressed += $0 }
        try deflater.compress(bytes)
        try deflater.finish()
        self.crc = deflater.crc
        self.compressed = compressed
    }
}
