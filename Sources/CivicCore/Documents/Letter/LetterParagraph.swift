/// A headed paragraph of a letter (段落 in the DTD): 說明 or 辦法 (or another heading such as
/// 公告事項), with optional lead text and a tree of numbered items. Numbers are never stored:
/// they follow from where an item sits, so moving, indenting or deleting renumbers by itself.
public struct LetterParagraph: Sendable, Hashable {
    public static let explanationHeading = "說明"
    public static let actionHeading = "辦法"

    /// 段名: `說明`, `辦法`, ….
    public var heading: String
    /// Text printed after the heading when the paragraph is not itemised (or before its items).
    public var text: String
    /// The numbered items, top level first (一、 二、 …), each with its sub-items.
    public var items: [LetterItem]

    public init(heading: String, text: String = "", items: [LetterItem] = []) {
        self.heading = heading
        self.text = text
        self.items = items
    }

    /// Every item in reading order with its path, level and marker: what editors and renderers show.
    public var numberedItems: [NumberedItem] {
        var rows: [NumberedItem] = []
        func walk(_ items: [LetterItem], prefix: [Int]) {
            for (index, item) in items.enumerated() {
                let path = ItemPath(prefix + [index])
                rows.append(NumberedItem(path: path, marker: ItemNumbering.label(level: path.level, index: index + 1),
                                         text: item.text))
                walk(item.children, prefix: path.indices)
            }
        }
        walk(items, prefix: [])
        return rows
    }
}

/// One item of 說明 or 辦法 (條列 in the DTD) and its sub-items.
public struct LetterItem: Sendable, Hashable {
    public var text: String
    public var children: [LetterItem]

    public init(_ text: String, children: [LetterItem] = []) {
        self.text = text
        self.children = children
    }
}

/// Where an item sits: its index among its siblings at each level, from the top (`[1, 0]` is
/// 二、(一)). Selections and edits name items by path.
public struct ItemPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let indices: [Int]

    public init(_ indices: [Int]) {
        self.indices = indices
    }

    /// 0 for 一、, 1 for (一), ….
    public var level: Int { max(indices.count - 1, 0) }

    /// The parent's path; nil for a top-level item.
    public var parent: ItemPath? { indices.count > 1 ? ItemPath(Array(indices.dropLast())) : nil }

    public var last: Int { indices.last ?? 0 }

    /// The path of the sibling `offset` places away.
    public func sibling(_ offset: Int) -> ItemPath { ItemPath(Array(indices.dropLast()) + [last + offset]) }

    public func child(_ index: Int) -> ItemPath { ItemPath(indices + [index]) }

    /// Reading order.
    public static func < (lhs: ItemPath, rhs: ItemPath) -> Bool { lhs.indices.lexicographicallyPrecedes(rhs.indices) }

    /// `1.0` for the first sub-item of the second item.
    public var description: String { indices.map(String.init).joined(separator: ".") }
}

/// An item as shown: where it is, its marker (`（二）`) and its text. `level` drives the hanging
/// indent of the rendered letter and the editor's indentation.
public struct NumberedItem: Sendable, Hashable {
    public let path: ItemPath
    public let marker: String
    public let text: String

    public var level: Int { path.level }
}
