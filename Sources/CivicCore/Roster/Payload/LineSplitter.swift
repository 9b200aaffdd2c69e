import Foundation

/// Cuts a byte stream that arrives in chunks of any size into LF-terminated lines.
struct LineSplitter {
    private var partial: [UInt8] = []

    /// Appends the complete lines found in `chunk` (without their LF) to `lines`.
    mutating func push(_ chunk: [UInt8], into lines: inout [[UInt8]]) {
        var start = 0
        while let end = Self.lineFeed(in: chunk, from: start) {
            if partial.isEmpty {
                lines.append(Array(chunk[start..<end]))
            } else {
                partial.append(contentsOf: chunk[start..<end])
                lines.append(partial)
                partial = []
            }
            start = end + 1
        }
        partial.append(contentsOf: chunk[start...])
    }

    /// The index of the next LF at or after `start` (memchr: lines are kilobytes long).
    private static func lineFeed(in chunk: [UInt8], from start: Int) -> Int? {
        chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                  let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The bytes after the last LF, if any: a last line without its LF.
    mutating func finish() -> [UInt8]? {
        defer { partial = [] }
        return partial.isEmpty ? nil : partial
    }
}

/// The frame of a payload (spec §2) read line by line: the header first, records, then the
/// trailer, whose count and digest are checked against what came before it. The trailer is only
/// known at the end, so each line is held back until the next one arrives.
struct PayloadFramer {
    private(set) var header: RosterHeader?
    private var held: [UInt8]?
    private(set) var records = 0
    private var digest: any SHA256Digesting

    init(digest: any SHA256Digesting) {
        self.digest = digest
    }

    /// Takes the next line; returns the line before it when that one is now known to be a
    /// record. Throws when line 1 is not a header of this format.
    mutating func accept(_ line: [UInt8]) throws(RosterPayloadError) -> [UInt8]? {
        guard header != nil else {
            header = try RosterHeader(line: line)
            digestLine(line)
            return nil
        }
        defer { held = line }
        guard let record = held else { return nil }
        digestLine(record)
        records += 1
        return record
    }

    /// Checks the held line as the trailer, its count and digest.
    mutating func finish() throws(RosterPayloadError) -> RosterTrailer {
        guard header != nil else { throw .empty }
        guard let held, let trailer = RosterTrailer(line: held) else { throw .missingTrailer }
        guard trailer.records == records else { throw .recordCountMismatch(stated: trailer.records, found: records) }
        guard digest.finishHex() == trailer.sha256 else { throw .digestMismatch }
        return trailer
    }

    private mutating func digestLine(_ line: [UInt8]) {
        digest.update(line)
        digest.update([0x0A])
    }
}
