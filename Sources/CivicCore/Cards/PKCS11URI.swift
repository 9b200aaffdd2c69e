/// A PKCS#11 URI (RFC 7512) such as
/// `pkcs11:token=lead;object=sign?module-path=/usr/lib/softhsm/libsofthsm2.so`: how a user,
/// a setting or a test names a token, a key on it, and the module to load.
public struct PKCS11URI: Sendable, Hashable, CustomStringConvertible {
    public struct Attribute: Sendable, Hashable {
        public let name: String
        /// Percent-decoded; `id` is binary, the others are UTF-8 text.
        public let value: [UInt8]

        public var text: String { String(decoding: value, as: UTF8.self) }
    }

    public enum Problem: UserFacingError, Sendable, Hashable {
        case notPKCS11
        case badEscape
        case missingValue(String)
        case unknownAttribute(String)
        case repeatedAttribute(String)
        case badSlotID
        /// `pin-value` or `pin-source`: CivicDesk only takes PINs typed by the user.
        case pinInURI

        public var message: UserMessage {
            switch self {
            case .notPKCS11:
                UserMessage(zh: "這不是 PKCS#11 URI，應以 pkcs11: 開頭，例如 pkcs11:token=卡片名稱。",
                            en: "This is not a PKCS#11 URI; it starts with pkcs11:, as in pkcs11:token=NAME.")
            case .badEscape:
                UserMessage(zh: "PKCS#11 URI 中有不完整的 % 編碼。", en: "The PKCS#11 URI has an incomplete %-escape.")
            case .missingValue(let name):
                UserMessage(zh: "PKCS#11 URI 的「\(name)」缺少 = 與值。", en: "The PKCS#11 URI attribute “\(name)” lacks “=” and a value.")
            case .unknownAttribute(let name):
                UserMessage(zh: "PKCS#11 URI 有無法辨識的屬性「\(name)」。", en: "The PKCS#11 URI has an unknown attribute “\(name)”.")
            case .repeatedAttribute(let name):
                UserMessage(zh: "PKCS#11 URI 的屬性「\(name)」重複出現。", en: "The PKCS#11 URI repeats the attribute “\(name)”.")
            case .badSlotID:
                UserMessage(zh: "PKCS#11 URI 的 slot-id 應為數字。", en: "The PKCS#11 URI's slot-id must be a number.")
            case .pinInURI:
                UserMessage(zh: "基於安全，CivicDesk 不接受寫在 URI 中的 PIN 碼（pin-value、pin-source）。PIN 碼會另外詢問。",
                            en: "For safety CivicDesk does not take a PIN from the URI (pin-value, pin-source); it asks for the PIN instead.")
            }
        }
    }

    public static let pathAttributeNames: Set<String> = [
        "token", "manufacturer", "serial", "model", "library-manufacturer", "library-description",
        "library-version", "object", "type", "id", "slot-description", "slot-manufacturer", "slot-id",
    ]

    public let path: [Attribute]
    public let query: [Attribute]

    public init(_ text: String) throws(Problem) {
        // Read as UTF-8 bytes: the URI's delimiters are ASCII, and a user's text is long only when it is wrong.
        let bytes = Array(text.utf8)
        guard bytes.count >= 7, String(decoding: bytes[..<7], as: UTF8.self).lowercased() == "pkcs11:" else { throw .notPKCS11 }
        let rest = bytes[7...]
        let question = rest.firstIndex(of: UInt8(ascii: "?"))
        path = try Self.attributes(rest[..<(question ?? rest.endIndex)], separator: UInt8(ascii: ";"))
        if let question {
            query = try Self.attributes(rest[(question + 1)...], separator: UInt8(ascii: "&"))
        } else {
            query = []
        }
        var seen = Set<String>()
        for attribute in path {
            guard Self.pathAttributeNames.contains(attribute.name) || attribute.name.hasPrefix("x-") else {
                throw .unknownAttribute(attribute.name)
            }
            guard seen.insert(attribute.name).inserted else { throw .repeatedAttribute(attribute.name) }
        }
        if query.contains(where: { $0.name == "pin-value" || $0.name == "pin-source" }) { throw .pinInURI }
        if let slot = first("slot-id", in: path), UInt(slot.text) == nil { throw .badSlotID }
    }

    public var token: String? { first("token", in: path)?.text }
    public var manufacturer: String? { first("manufacturer", in: path)?.text }
    public var serial: String? { first("serial", in: path)?.text }
    public var model: String? { first("model", in: path)?.text }
    public var object: String? { first("object", in: path)?.text }
    /// CKA_ID, binary.
    public var id: [UInt8]? { first("id", in: path)?.value }
    /// `cert`, `private`, `public`, `secret-key` or `data`.
    public var type: String? { first("type", in: path)?.text }
    public var slotID: UInt? { first("slot-id", in: path).flatMap { UInt($0.text) } }
    public var slotDescription: String? { first("slot-description", in: path)?.text }
    public var slotManufacturer: String? { first("slot-manufacturer", in: path)?.text }
    public var libraryManufacturer: String? { first("library-manufacturer", in: path)?.text }
    public var libraryDescription: String? { first("library-description", in: path)?.text }
    public var libraryVersion: String? { first("library-version", in: path)?.text }
    public var modulePath: String? { first("module-path", in: query)?.text }
    public var moduleName: String? { first("module-name", in: query)?.text }

    /// True when every slot and token attribute of the URI equals the token's field.
    public func matches(_ token: TokenDescription) -> Bool {
        let checks: [(String?, String)] = [
            (self.token, token.label), (manufacturer, token.manufacturer), (serial, token.serial),
            (model, token.model), (slotDescription, token.slotDescription), (slotManufacturer, token.slotManufacturer),
        ]
        guard checks.allSatisfy({ wanted, actual in wanted.map { $0 == actual } ?? true }) else { return false }
        return slotID.map { $0 == token.slotID } ?? true
    }

    /// True when the library attributes of the URI equal the module's (C_GetInfo) fields.
    public func matchesLibrary(manufacturer: String, description: String, version: String) -> Bool {
        [(libraryManufacturer, manufacturer), (libraryDescription, description), (libraryVersion, version)]
            .allSatisfy { wanted, actual in wanted.map { $0 == actual } ?? true }
    }

    /// The URI written back, percent-encoding what RFC 7512 does not allow as is.
    public var description: String {
        let pathText = path.map { "\($0.name)=\(Self.encode($0.value))" }.joined(separator: ";")
        let queryText = query.map { "\($0.name)=\(Self.encode($0.value, keeping: "/"))" }.joined(separator: "&")
        return "pkcs11:" + pathText + (queryText.isEmpty ? "" : "?" + queryText)
    }

    /// The URI as a user reads it in a message: each value as its text (`token=王小明`, not
    /// `token=%E7%8E%8B%E5%B0%8F%E6%98%8E`) when it is UTF-8 without control characters or the
    /// URI's own separators; `id` (binary) and any other value as `description` writes it.
    public var displayText: String {
        func shown(_ attribute: Attribute, keeping extra: String) -> String {
            if attribute.name != "id", let text = String(validating: attribute.value, as: UTF8.self),
               !text.unicodeScalars.contains(where: Self.isHiddenInText) {
                return "\(attribute.name)=\(text)"
            }
            return "\(attribute.name)=\(Self.encode(attribute.value, keeping: extra))"
        }
        let pathText = path.map { shown($0, keeping: "") }.joined(separator: ";")
        let queryText = query.map { shown($0, keeping: "/") }.joined(separator: "&")
        return "pkcs11:" + pathText + (queryText.isEmpty ? "" : "?" + queryText)
    }

    /// A control character or one of the URI's own separators, which `displayText` escapes.
    private static func isHiddenInText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ";", "?", "&", "=", "%", "\u{7F}": true
        case " "..."~": false
        default: scalar.properties.generalCategory == .control
        }
    }

    private func first(_ name: String, in attributes: [Attribute]) -> Attribute? {
        attributes.first { $0.name == name }
    }

    private static func attributes(_ text: ArraySlice<UInt8>, separator: UInt8) throws(Problem) -> [Attribute] {
        var result: [Attribute] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: separator) ?? text.endIndex
            let item = text[start..<end]
            start = end + 1
            if item.isEmpty { continue }
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else { throw .missingValue(String(decoding: item, as: UTF8.self)) }
            let name = String(decoding: item[..<equals], as: UTF8.self).lowercased()
            result.append(Attribute(name: name, value: try decode(item[(equals + 1)...])))
        }
        return result
    }

    /// Resolves `%XX` escapes (two hexadecimal digits, nothing else).
    private static func decode(_ text: ArraySlice<UInt8>) throws(Problem) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == UInt8(ascii: "%") else {
                bytes.append(text[index])
                index += 1
                continue
            }
            guard index + 2 < text.endIndex, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) else {
                throw .badEscape
            }
            bytes.append(high << 4 | low)
            index += 3
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The bytes RFC 7512 allows unencoded in every attribute value, by byte value.
    private static let unreserved: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:[]@!$'()*+,".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encode(_ bytes: [UInt8], keeping extra: String = "") -> String {
        let kept = Array(extra.utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 3) { text in
            var count = 0
            for byte in bytes {
                if unreserved[Int(byte)] || kept.contains(byte) {
                    text[count] = byte
                    count += 1
                } else {
                    text[count] = UInt8(ascii: "%")
                    text[count + 1] = hexDigits[Int(byte >> 4)]
                    text[count + 2] = hexDigits[Int(byte & 0x0F)]
                    count += 3
                }
            }
            return count
        }
    }
}
