import Foundation

/// A JSON value with its types kept apart (a number is not a boolean, `1.5` is not an integer),
/// as the roster's rules need them: "a field is missing or of the wrong type" is `malformed`.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

/// Reads one line of a roster payload as a JSON object. Lines as the petition system writes
/// them (flat objects of strings and integers) take the direct scan (`FlatJSONObject`), several
/// times faster than the general decoder on 3–4 KB lines of base64; anything else (nesting,
/// fractions, duplicate keys) goes to Foundation's JSONDecoder, which has the last word.
enum JSONLine {
    static func object(_ line: some Collection<UInt8>) -> [String: JSONValue]? {
        let bytes = Array(line)
        if let flat = FlatJSONObject(bytes) {
            var object: [String: JSONValue] = [:]
            for (key, value) in zip(flat.keys, flat.values) {
                switch value {
                case .string(let text): object[flat.string(key)] = .string(flat.string(text))
                case .integer(let number): object[flat.string(key)] = .integer(number)
                }
            }
            return object
        }
        return decoded(bytes)?.object
    }

    /// The general decoder's reading of a whole line that is a JSON object (every caller wants
    /// one): text that cannot be one — not `{` … `}` within JSON white space — is nil without it.
    static func decoded(_ bytes: [UInt8]) -> JSONValue? {
        // A byte-order mark, which the decoder would skip and the spec does not allow, is refused too.
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard bytes.first(where: { !isSpace($0) }) == UInt8(ascii: "{"),
              bytes.last(where: { !isSpace($0) }) == UInt8(ascii: "}") else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }
}

/// The fields of a JSON object line as the record checks read them: through the direct scan
/// when the object is flat, else from the general decoder's reading — the same values either way.
struct JSONObjectFields {
    private enum Storage {
        case flat(FlatJSONObject)
        case decoded([String: JSONValue])
    }

    private let storage: Storage

    /// Nil when the line is not a JSON object.
    init?(_ line: [UInt8]) {
        if let flat = FlatJSONObject(line) {
            storage = .flat(flat)
        } else if let object = JSONLine.decoded(line)?.object {
            storage = .decoded(object)
        } else {
            return nil
        }
    }

    func string(_ key: String) -> String? {
        switch storage {
        case .flat(let object):
            guard case .string(let text)? = object.value(key) else { return nil }
            return object.string(text)
        case .decoded(let object):
            return object[key]?.string
        }
    }

    func integer(_ key: String) -> Int? {
        switch storage {
        case .flat(let object):
            guard case .integer(let number)? = object.value(key) else { return nil }
            return number
        case .decoded(let object):
            return object[key]?.integer
        }
    }

    /// The bytes a string field holds in base64 (nil when it is not a string or not base64).
    func base64(_ key: String) -> [UInt8]? {
        switch storage {
        case .flat(let object):
            guard case .string(let text)? = object.value(key) else { return nil }
            guard text.hasEscapes else { return Base64Text.decode(object.bytes, text.range) }
            let unescaped = object.decoded(text)
            return Base64Text.decode(unescaped, unescaped.indices)
        case .decoded(let object):
            return object[key]?.string.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
        }
    }
}
