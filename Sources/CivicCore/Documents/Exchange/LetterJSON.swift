import Foundation

/// The project's JSON form of a letter: templates in `data/templates/`, `civicdesk doc validate
/// FILE.json`, `doc show --json`. Keys are the model's property names (documented in the
/// README, "The JSON form of a letter"), written sorted so the same letter always gives the same bytes; a missing
/// key takes its empty value, an unknown key is refused (a typo in
/// a template must not vanish silently), and dates are 中華民國 dates as the DI file writes them.
public enum LetterJSON {
    /// The value of the `format` key; a file with another is refused, so a later form can change keys.
    public static let format = "civicdesk-letter/1"

    public static func encode(_ letter: OfficialLetter) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(letter)) ?? Data()
    }

    public static func encodeString(_ letter: OfficialLetter) -> String {
        String(decoding: encode(letter), as: UTF8.self)
    }

    public static func decode(_ data: Data) throws(LetterJSONError) -> OfficialLetter {
        do {
            return try JSONDecoder().decode(OfficialLetter.self, from: data)
        } catch let error as LetterJSONError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .notJSON
        } catch let error as DecodingError {
            throw LetterJSONError(error)
        } catch {
            throw .notJSON
        }
    }

    public static func decode(_ text: String) throws(LetterJSONError) -> OfficialLetter {
        try decode(Data(text.utf8))
    }
}

/// Why a JSON letter was refused, naming the key (`paragraphs[0].items[1].text`).
public enum LetterJSONError: UserFacingError, Equatable {
    case notJSON
    case wrongFormat(String)
    case unknownKey(String)
    case wrongType(key: String)
    case badDate(key: String, text: String)
    case badCode(key: String, text: String)

    init(_ error: DecodingError) {
        switch error {
        case let .keyNotFound(key, context):
            self = .wrongType(key: Self.path(context.codingPath + [key]))
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            // At the top, the JSON is not an object at all.
            self = context.codingPath.isEmpty ? .notJSON : .wrongType(key: Self.path(context.codingPath))
        @unknown default:
            self = .notJSON
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }

    public var message: UserMessage {
        switch self {
        case .notJSON:
            UserMessage(zh: "這不是公文的 JSON 檔（無法解讀為 JSON 物件）。", en: "This is not a letter's JSON file (it does not read as a JSON object).")
        case let .wrongFormat(format):
            UserMessage(zh: "檔案格式「\(format)」不是本程式的公文格式 \(LetterJSON.format)。",
                        en: "The file's format \"\(format)\" is not this program's letter format \(LetterJSON.format).")
        case let .unknownKey(key):
            UserMessage(zh: "不認得的欄位「\(key)」：請檢查拼字；公文的欄位就是範本 JSON 檔（data/templates/）裡的鍵。",
                        en: "Unknown key \"\(key)\": check its spelling; the letter's keys are those of the template JSON files (data/templates/).")
        case let .wrongType(key):
            UserMessage(zh: "欄位「\(key)」的值類型不對。", en: "The value of \"\(key)\" has the wrong type.")
        case let .badDate(key, text):
            UserMessage(zh: "欄位「\(key)」的「\(text)」不是中華民國日期（例：中華民國113年3月4日）。",
                        en: "\"\(text)\" in \"\(key)\" is not a 中華民國 date (e.g. 中華民國113年3月4日).")
        case let .badCode(key, text):
            UserMessage(zh: "欄位「\(key)」不能是「\(text)」。", en: "\"\(key)\" cannot be \"\(text)\".")
        }
    }
}

/// A coding key for any name: lets decoders list the keys a JSON object really has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Refuses any key of this object that `Keys` does not name.
    func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw LetterJSONError.unknownKey(LetterJSONError.path(codingPath + [unknown]))
        }
    }
}

extension KeyedDecodingContainer {
    /// The value, or `fallback` when the key is absent or null.
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }

    /// A DTD code (`普通件`), refused with the key's name when it is not one of the type's.
    func code<T: RawRepresentable>(_ key: Key) throws -> T? where T.RawValue == String {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            throw LetterJSONError.badCode(key: LetterJSONError.path(codingPath + [key]), text: text)
        }
        return value
    }
}
