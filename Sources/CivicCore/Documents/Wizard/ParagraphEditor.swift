/// The 說明 (or 辦法) editor: a paragraph's items, the selected one, and the edits its buttons
/// offer. Numbers follow positions, so the list the window shows (`rows`) renumbers after every
/// edit; the selection follows the edited item.
public struct ParagraphEditor: Sendable, Hashable {
    public private(set) var paragraph: LetterParagraph
    public private(set) var selection: ItemPath?

    public init(_ paragraph: LetterParagraph, selection: ItemPath? = nil) {
        self.paragraph = paragraph
        self.selection = selection.flatMap { ItemTree.item(in: paragraph.items, at: $0) != nil ? $0 : nil }
    }

    /// The items as the list shows them: marker, text, indent level.
    public var rows: [NumberedItem] { paragraph.numberedItems }

    public mutating func select(_ path: ItemPath?) {
        guard let path else { selection = nil; return }
        if ItemTree.item(in: paragraph.items, at: path) != nil { selection = path }
    }

    /// Whether the button for `edit` is enabled.
    public func canApply(_ edit: ItemEdit) -> Bool {
        edit.canApply(to: paragraph.items, at: selection)
    }

    /// Applies `edit` to the selected item; false (nothing changed) when it does not apply there.
    @discardableResult
    public mutating func apply(_ edit: ItemEdit) -> Bool {
        guard let outcome = edit.apply(to: paragraph.items, at: selection) else { return false }
        paragraph.items = outcome.items
        selection = outcome.selection
        return true
    }

    /// Types into the selected item.
    public mutating func setSelectedText(_ text: String) {
        guard let selection, let items = ItemTree.settingText(text, in: paragraph.items, at: selection) else { return }
        paragraph.items = items
    }

    public mutating func setLeadText(_ text: String) {
        paragraph.text = text
    }
}
