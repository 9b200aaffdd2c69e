/// The edits of the 說明/辦法 editor, as pure functions on a paragraph's item tree. Each returns
/// the new tree and where the edited item is now (so the selection follows it), or nil when the
/// edit does not apply there (indenting a first item, moving the last one down, …); the window
/// greys out the button for exactly those cases (`ItemEdit.canApply`).
public enum ItemEdit: Sendable, Hashable, CaseIterable {
    /// A new empty item after the selected one, at its level (at the end of the top level when nothing is selected).
    case add
    /// A new empty first sub-item under the selected one (down to the tenth level, （a）).
    case addChild
    /// The item (with its sub-items) becomes the last sub-item of the item before it, as long as
    /// its deepest sub-item stays within the ten numbering levels.
    case indent
    /// The item goes one level up, right after its parent; the items that followed it under
    /// that parent become its sub-items, so reading order never changes.
    case outdent
    case moveUp
    case moveDown
    /// The item and its sub-items.
    case delete

    /// The result of an edit.
    public struct Outcome: Sendable, Hashable {
        public let items: [LetterItem]
        /// The edited (or added) item's new path; after a delete, the item now in its place or
        /// the one before, nil when the list is empty.
        public let selection: ItemPath?
    }

    public func canApply(to items: [LetterItem], at selection: ItemPath?) -> Bool {
        apply(to: items, at: selection) != nil
    }

    public func apply(to items: [LetterItem], at selection: ItemPath?) -> Outcome? {
        guard let path = selection else {
            guard self == .add else { return nil }
            return Outcome(items: items + [LetterItem("")], selection: ItemPath([items.count]))
        }
        guard ItemTree.item(in: items, at: path) != nil else { return nil }
        switch self {
        case .add:
            return ItemTree.inserting(LetterItem(""), into: items, at: path.sibling(1)).map {
                Outcome(items: $0, selection: path.sibling(1))
            }
        case .addChild:
            guard path.level + 1 < ItemNumbering.levels else { return nil }
            return ItemTree.inserting(LetterItem(""), into: items, at: path.child(0)).map {
                Outcome(items: $0, selection: path.child(0))
            }
        case .indent:
            return indent(items, path)
        case .outdent:
            return outdent(items, path)
        case .moveUp:
            return move(items, path, by: -1)
        case .moveDown:
            return move(items, path, by: 1)
        case .delete:
            return delete(items, path)
        }
    }

    private func indent(_ items: [LetterItem], _ path: ItemPath) -> Outcome? {
        guard path.last > 0, let moving = ItemTree.item(in: items, at: path),
              path.level + ItemTree.depth(moving) < ItemNumbering.levels,
              let (item, rest) = ItemTree.removing(from: items, at: path),
              let previous = ItemTree.item(in: rest, at: path.sibling(-1)) else { return nil }
        let target = path.sibling(-1).child(previous.children.count)
        return ItemTree.inserting(item, into: rest, at: target).map { Outcome(items: $0, selection: target) }
    }

    private func outdent(_ items: [LetterItem], _ path: ItemPath) -> Outcome? {
        guard let parentPath = path.parent, let parent = ItemTree.item(in: items, at: parentPath) else { return nil }
        var moved = parent.children[path.last]
        moved.children += parent.children[(path.last + 1)...]
        var shortened = parent
        shortened.children.removeSubrange(path.last...)
        guard let replaced = ItemTree.replacing(in: items, at: parentPath, with: shortened) else { return nil }
        let target = parentPath.sibling(1)
        return ItemTree.inserting(moved, into: replaced, at: target).map { Outcome(items: $0, selection: target) }
    }

    private func move(_ items: [LetterItem], _ path: ItemPath, by offset: Int) -> Outcome? {
        let target = path.sibling(offset)
        guard target.last >= 0, ItemTree.item(in: items, at: target) != nil,
              let (item, rest) = ItemTree.removing(from: items, at: path) else { return nil }
        return ItemTree.inserting(item, into: rest, at: target).map { Outcome(items: $0, selection: target) }
    }

    private func delete(_ items: [LetterItem], _ path: ItemPath) -> Outcome? {
        guard let (_, rest) = ItemTree.removing(from: items, at: path) else { return nil }
        let selection: ItemPath?
        if ItemTree.item(in: rest, at: path) != nil {
            selection = path
        } else if path.last > 0 {
            selection = path.sibling(-1)
        } else {
            selection = path.parent
        }
        return Outcome(items: rest, selection: selection)
    }
}

/// Reading and rebuilding an item tree by path, the primitives of `ItemEdit`.
public enum ItemTree {
    public static func item(in items: [LetterItem], at path: ItemPath) -> LetterItem? {
        guard let first = path.indices.first, items.indices.contains(first) else { return nil }
        let rest = Array(path.indices.dropFirst())
        return rest.isEmpty ? items[first] : item(in: items[first].children, at: ItemPath(rest))
    }

    /// Levels an item spans with its sub-items (1 for an item without any).
    public static func depth(_ item: LetterItem) -> Int {
        1 + (item.children.map(depth).max() ?? 0)
    }

    /// The tree with the item at `path` replaced (its sub-items included).
    public static func replacing(in items: [LetterItem], at path: ItemPath, with replacement: LetterItem) -> [LetterItem]? {
        updating(items, path.indices[...]) { siblings, index in
            guard siblings.indices.contains(index) else { return false }
            siblings[index] = replacement
            return true
        }
    }

    /// The tree with the text of the item at `path` changed.
    public static func settingText(_ text: String, in items: [LetterItem], at path: ItemPath) -> [LetterItem]? {
        guard var item = item(in: items, at: path) else { return nil }
        item.text = text
        return replacing(in: items, at: path, with: item)
    }

    static func inserting(_ item: LetterItem, into items: [LetterItem], at path: ItemPath) -> [LetterItem]? {
        updating(items, path.indices[...]) { siblings, index in
            guard (0...siblings.count).contains(index) else { return false }
            siblings.insert(item, at: index)
            return true
        }
    }

    static func removing(from items: [LetterItem], at path: ItemPath) -> (LetterItem, [LetterItem])? {
        guard let removed = item(in: items, at: path) else { return nil }
        return updating(items, path.indices[...]) { siblings, index in
            siblings.remove(at: index)
            return true
        }.map { (removed, $0) }
    }

    /// Applies `change` to the sibling list holding the last index of `path`.
    private static func updating(_ items: [LetterItem], _ path: ArraySlice<Int>,
                                 _ change: (inout [LetterItem], Int) -> Bool) -> [LetterItem]? {
        guard let first = path.first else { return nil }
        var copy = items
        if path.count == 1 {
            return change(&copy, first) ? copy : nil
        }
        guard copy.indices.contains(first),
              let children = updating(copy[first].children, path.dropFirst(), change) else { return nil }
        copy[first].children = children
        return copy
    }
}
