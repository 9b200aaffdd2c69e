import CivicCore
import Foundation

/// `--set FIELD=VALUE`: a value put into a template's JSON at a key path (`subject`,
/// `contact.clerk`, `paragraphs[0].items[1].text`, `number.year`) before the letter is read, so
/// the letter's own JSON rules (unknown keys named, formats checked) judge the result.
enum DocumentSettings {
    /// A template's name is a file stem: no path, no hidden file.
    static func isTemplateName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
    }

    static func apply(_ settings: [(field: String, value: String)], to template: Data) throws -> OfficialLetter {
        guard !settings.isEmpty else { return try LetterJSON.decode(template) }
        var root = try JSONSerialization.jsonObject(with: template)
        for setting in settings {
            guard let path = keyPath(setting.field) else { throw DocumentServiceError.badSetting(setting.field) }
            root = try set(setting.value, at: path[...], in: root, field: setting.field)
        }
        return try LetterJSON.decode(try JSONSerialization.data(withJSONObject: root))
    }

    private enum Key {
        case name(String)
        case index(Int)
    }

    /// `a.b[2].c` as its keys; nil when malformed.
    private static func keyPath(_ field: String) -> [Key]? {
        var keys: [Key] = []
        for part in field.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let nameEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let name = rest[..<nameEnd]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            keys.append(.name(String(name)))
            rest = rest[nameEnd...]
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                      index >= 0 else { return nil }
                keys.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        return keys.isEmpty ? nil : keys
    }

    /// `value` set at `path` in `node`; a new key or the next array element is created, a number
    /// stays a number and `null` clears a field.
    private static func set(_ value: String, at path: ArraySlice<Key>, in node: Any?, field: String) throws -> Any {
        guard let key = path.first else {
            if value == "null" { return NSNull() }
            if node is NSNumber, let number = Int(value) { return number }
            return value
        }
        let rest = path.dropFirst()
        switch key {
        case .name(let name):
            var object = node as? [String: Any] ?? [:]
            guard node == nil || node is NSNull || node is [String: Any] else { throw DocumentServiceError.badSetting(field) }
            object[name] = try set(value, at: rest, in: object[name], field: field)
            return object
        case .index(let index):
            guard var array = node as? [Any], index <= array.count else { throw DocumentServiceError.badSetting(field) }
            let element = try set(value, at: rest, in: index < array.count ? array[index] : nil, field: field)
            if index < array.count { array[index] = element } else { array.append(element) }
            return array
        }
    }
}
