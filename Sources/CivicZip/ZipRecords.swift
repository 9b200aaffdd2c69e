/// The fixed structures of a zip file (PKWARE APPNOTE 6.3.x): local file headers, the central
/// directory and its end records, with the Zip64 extensions when a size or offset needs them.
/// Everything is little-endian; nothing depends on the clock or the machine, so the same
/// entries always give the same bytes.
struct ZipEntryRecord {
    let name: String
    let crc: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64
}

struct ZipRecords {
    /// DOS date and time of every entry (the wall-clock time of `packedAt` in its own offset)
    /// and the same instant as Unix time, for the extended-timestamp field.
    let dosDate: UInt16
    let dosTime: UInt16
    let unixTime: Int64
    /// Writes Zip64 fields even where sizes fit (tests use it to check the Zip64 path).
    var forceZip64 = false

    static let limit32: Int64 = 0xFFFF_FFFF
    static let deflate: UInt16 = 8

    init(date: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int), unixTime: Int64) {
        if date.year < 1980 {
            dosDate = 1 << 5 | 1
            dosTime = 0
        } else {
            dosDate = UInt16(min(date.year - 1980, 127) << 9 | date.month << 5 | date.day)
            dosTime = UInt16(date.hour << 11 | date.minute << 5 | date.second / 2)
        }
        self.unixTime = unixTime
    }

    private func sizesNeedZip64(_ entry: ZipEntryRecord) -> Bool {
        forceZip64 || entry.compressedSize >= Self.limit32 || entry.uncompressedSize >= Self.limit32
    }

    func localHeader(_ entry: ZipEntryRecord) -> [UInt8] {
        let zip64 = sizesNeedZip64(entry)
        // A local header's Zip64 field holds both sizes, always.
        let extra = extraFields(zip64: zip64 ? [entry.uncompressedSize, entry.compressedSize] : [])
        var header = ByteWriter()
        header.u32(0x0403_4B50)
        header.append(sharedFields(entry, needsZip64: zip64, bigSizes: zip64, extraLength: extra.count))
        header.append(Array(entry.name.utf8))
        header.append(extra)
        return header.bytes
    }

    func centralHeader(_ entry: ZipEntryRecord) -> [UInt8] {
        let bigSizes = sizesNeedZip64(entry)
        // Forced, an offset goes to the Zip64 field too, except the first entry's 0, which
        // ZIPFoundation 0.9.20 cannot read from there (and no real archive puts there).
        let bigOffset = (forceZip64 && entry.localHeaderOffset > 0) || entry.localHeaderOffset >= Self.limit32
        let extra = extraFields(zip64: (bigSizes ? [entry.uncompressedSize, entry.compressedSize] : [])
                                    + (bigOffset ? [entry.localHeaderOffset] : []))
        var header = ByteWriter()
        header.u32(0x0201_4B50)
        header.u16(3 << 8 | (bigSizes || bigOffset ? 45 : 20)) // made by: Unix
        header.append(sharedFields(entry, needsZip64: bigSizes || bigOffset, bigSizes: bigSizes, extraLength: extra.count))
        header.u16(0) // comment
        header.u16(0) // disk
        header.u16(0) // internal attributes
        header.u32(0o100644 << 16) // a regular file, rw-r--r--
        header.u32(bigOffset ? UInt32.max : UInt32(entry.localHeaderOffset))
        header.append(Array(entry.name.utf8))
        header.append(extra)
        return header.bytes
    }

    /// The fields local and central headers share, from "version needed" to the extra length.
    private func sharedFields(_ entry: ZipEntryRecord, needsZip64: Bool, bigSizes: Bool, extraLength: Int) -> [UInt8] {
        var fields = ByteWriter()
        fields.u16(needsZip64 ? 45 : 20)
        fields.u16(0) // flags
        fields.u16(Self.deflate)
        fields.u16(dosTime)
        fields.u16(dosDate)
        fields.u32(entry.crc)
        fields.u32(bigSizes ? UInt32.max : UInt32(entry.compressedSize))
        fields.u32(bigSizes ? UInt32.max : UInt32(entry.uncompressedSize))
        fields.u16(UInt16(entry.name.utf8.count))
        fields.u16(UInt16(extraLength))
        return fields.bytes
    }

    /// The Zip64 field with `zip64` values (when any), then the extended timestamp.
    private func extraFields(zip64 values: [Int64]) -> [UInt8] {
        var extra = ByteWriter()
        if !values.isEmpty {
            extra.u16(0x0001)
            extra.u16(UInt16(values.count * 8))
            values.forEach { extra.u64($0) }
        }
        extra.append(timestampField)
        return extra.bytes
    }

    /// The end records, for a central directory of `count` entries at `offset`, `size` bytes long.
    func end(count: Int, offset: Int64, size: Int64) -> [UInt8] {
        let zip64 = forceZip64 || offset >= Self.limit32 || size >= Self.limit32 || count >= 0xFFFF
        var end = ByteWriter()
        if zip64 {
            let recordOffset = offset + size
            end.u32(0x0606_4B50)
            end.u64(44)
            end.u16(3 << 8 | 45); end.u16(45)
            end.u32(0); end.u32(0)
            end.u64(Int64(count)); end.u64(Int64(count))
            end.u64(size); end.u64(offset)
            end.u32(0x0706_4B50)
            end.u32(0)
            end.u64(recordOffset)
            end.u32(1)
        }
        end.u32(0x0605_4B50)
        end.u16(0); end.u16(0)
        end.u16(zip64 ? UInt16.max : UInt16(count)); end.u16(zip64 ? UInt16.max : UInt16(count))
        end.u32(zip64 ? UInt32.max : UInt32(size))
        end.u32(zip64 ? UInt32.max : UInt32(offset))
        end.u16(0)
        return end.bytes
    }

    /// Extended timestamp (0x5455): the modification time in Unix seconds, when it fits.
    private var timestampField: [UInt8] {
        guard let seconds = Int32(exactly: unixTime) else { return [] }
        var field = ByteWriter()
        field.u16(0x5455); field.u16(5)
        field.append([1])
        field.u32(UInt32(bitPattern: seconds))
        return field.bytes
    }
}

/// Little-endian integers into a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF)); bytes.append(UInt8(value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func u64(_ value: Int64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> Int64(shift))) }
    }

    mutating func append(_ more: [UInt8]) {
        bytes += more
    }
}
