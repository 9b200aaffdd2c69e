import Foundation

/// One action a clerk may be given (`rosters.pack`), a key of the permissions catalogue.
public struct PermissionKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: PermissionKey, rhs: PermissionKey) -> Bool { lhs.value < rhs.value }
    public var description: String { value }

    public static let rosterImport = PermissionKey("rosters.import")
    public static let rosterQuery = PermissionKey("rosters.query")
    public static let rosterPack = PermissionKey("rosters.pack")
    public static let rosterPurge = PermissionKey("rosters.purge")
    public static let registryQuery = PermissionKey("registry.query")
}

/// A clerk's permissions, kept sorted so they store and sign the same way every time.
public struct PermissionSet: Sendable, Hashable, Codable {
    public let keys: [PermissionKey]

    public init(_ keys: some Sequence<PermissionKey>) {
        self.keys = Array(Set(keys)).sorted()
    }

    public var isEmpty: Bool { keys.isEmpty }

    public func contains(_ key: PermissionKey) -> Bool { keys.contains(key) }

    /// `rosters.import,rosters.pack`.
    public var text: String { keys.map(\.value).joined(separator: ",") }
}

/// The permissions catalogue (`data/permissions.json`): a tree of groups whose leaves are the
/// actions of CivicDesk a clerk may be given, each with its Chinese label, shown as the 功能選單
/// tree of check boxes.
public struct PermissionCatalogue: Sendable, Hashable, Decodable {
    public struct Node: Sendable, Hashable, Decodable {
        public let key: String
        public let label: String
        public let labelEn: String?
        public let children: [Node]

        enum CodingKeys: String, CodingKey {
            case key, label, labelEn = "label_en", children
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(String.self, forKey: .key)
            label = try container.decode(String.self, forKey: .label)
            labelEn = try container.decodeIfPresent(String.self, forKey: .labelEn)
            children = try container.decodeIfPresent([Node].self, forKey: .children) ?? []
        }

        public var isAction: Bool { children.isEmpty }

        /// Every action at or under this node.
        public var actions: [Node] { isAction ? [self] : children.flatMap(\.actions) }
    }

    public let groups: [Node]

    enum CodingKeys: String, CodingKey { case groups }

    /// Parses the catalogue's JSON text; every key once, actions only at leaves.
    public init(json: [UInt8]) throws(RegistryProblem) {
        do {
            self = try JSONDecoder().decode(PermissionCatalogue.self, from: Data(json))
        } catch {
            throw .directory(UserMessage(zh: "權限清單（permissions.json）格式不正確：\(error)。",
                                         en: "The permissions catalogue (permissions.json) is malformed: \(error)."))
        }
        let keys = groups.flatMap { [$0] + $0.children.flatMap { [$0] + $0.children } }.map(\.key)
        guard Set(keys).count == keys.count else {
            throw .directory(UserMessage(zh: "權限清單（permissions.json）有重複的項目。",
                                         en: "The permissions catalogue (permissions.json) repeats a key."))
        }
    }

    /// Every action, in catalogue order.
    public var actions: [Node] { groups.flatMap(\.actions) }

    public func label(of key: PermissionKey) -> String? {
        actions.first { $0.key == key.value }?.label
    }

    /// The labels of `permissions` in catalogue order (as the tree of check boxes shows them);
    /// a key the catalogue lacks is named as it is, last.
    public func labels(of permissions: PermissionSet) -> [String] {
        let known = actions.filter { permissions.contains(PermissionKey($0.key)) }
        let unknown = permissions.keys.filter { key in !actions.contains { $0.key == key.value } }
        return known.map(\.label) + unknown.map(\.value)
    }

    /// The set `keys` names; an unknown key is refused by name. A group's key stands for all of
    /// its actions.
    public func permissions(_ keys: [String]) throws(RegistryProblem) -> PermissionSet {
        var chosen: [PermissionKey] = []
        for raw in keys {
            let key = raw.trimmingCharacters(in: .whitespaces)
            if key.isEmpty { continue }
            guard let node = Self.find(key, in: groups) else { throw .unknownPermission(key) }
            chosen += node.actions.map { PermissionKey($0.key) }
        }
        guard !chosen.isEmpty else { throw .permissionsMissing }
        return PermissionSet(chosen)
    }

    /// `rosters.pack（名冊：打包送件檔）`: what a message says of a missing permission.
    public func describe(_ key: PermissionKey) -> String {
        let group = groups.first { $0.actions.contains { $0.key == key.value } }
        guard let label = label(of: key) else { return key.value }
        return "\(key.value)（\(group.map { "\($0.label)：" } ?? "")\(label)）"
    }

    private static func find(_ key: String, in nodes: [Node]) -> Node? {
        for node in nodes {
            if node.key == key { return node }
            if let found = find(key, in: node.children) { return found }
        }
        return nil
    }
}
