/// What XML 1.0 can carry in text and attribute values (§2.2 Char): a control character or a
/// lone surrogate would make libxml2 write a character reference no parser accepts, so the
/// exporter refuses such text instead of writing a file nobody can read.
enum XMLText {
    static func isAllowed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isAllowed)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text of a C string libxml2 returns (UTF-8 whatever the file's encoding).
    static func string(_ pointer: UnsafePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
