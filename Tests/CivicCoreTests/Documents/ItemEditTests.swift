import Testing
@testable import CivicCore

@Suite("說明 items: numbering follows position")
struct ItemEditTests {
    /// 一、A (（一）A1 （二）A2) 二、B 三、C
    let items = [
        LetterItem("A", children: [LetterItem("A1"), LetterItem("A2")]),
        LetterItem("B"),
        LetterItem("C"),
    ]

    func markers(_ items: [LetterItem]) -> [String] {
        LetterParagraph(heading: "說明", items: items).numberedItems.map { "\($0.marker)\($0.text)" }
    }

    @Test func numbersFromPosition() {
        #expect(markers(items) == ["一、A", "（一）A1", "（二）A2", "二、B", "三、C"])
        let rows = LetterParagraph(heading: "說明", items: items).numberedItems
        #expect(rows.map(\.level) == [0, 1, 1, 0, 0])
        #expect(rows[2].path == ItemPath([0, 1]))
    }

    @Test func deepLevelsFollowTheManual() {
        var item = LetterItem("j")
        for text in ["i", "h", "g", "f", "e", "d", "c", "b", "a"] { item = LetterItem(text, children: [item]) }
        #expect(markers([item]) == ["一、a", "（一）b", "1.c", "（1）d", "甲、e", "（甲）f", "A.g", "（A）h", "a.i", "（a）j"])
        // An eleventh level is refused: the manual's styles end at (a).
        let deepest = ItemPath(Array(repeating: 0, count: 10))
        #expect(!ItemEdit.addChild.canApply(to: [item], at: deepest))
        #expect(ItemEdit.addChild.canApply(to: [item], at: ItemPath(Array(repeating: 0, count: 9))))
        // Indenting would push the tenth level (a) one deeper.
        #expect(!ItemEdit.indent.canApply(to: [LetterItem("x"), item], at: ItemPath([1])))
        #expect(ItemEdit.indent.canApply(to: [LetterItem("x"), item.children[0]], at: ItemPath([1])))
    }

    @Test func addAfterSelectionAndAtTheEnd() throws {
        let added = try #require(ItemEdit.add.apply(to: items, at: ItemPath([0])))
        #expect(markers(added.items) == ["一、A", "（一）A1", "（二）A2", "二、", "三、B", "四、C"])
        #expect(added.selection == ItemPath([1]))
        let appended = try #require(ItemEdit.add.apply(to: items, at: nil))
        #expect(appended.selection == ItemPath([3]))
        let child = try #require(ItemEdit.addChild.apply(to: items, at: ItemPath([1])))
        #expect(markers(child.items) == ["一、A", "（一）A1", "（二）A2", "二、B", "（一）", "三、C"])
        #expect(child.selection == ItemPath([1, 0]))
    }

    @Test func indentRenumbersAndKeepsSubItems() throws {
        let indented = try #require(ItemEdit.indent.apply(to: items, at: ItemPath([1])))
        #expect(markers(indented.items) == ["一、A", "（一）A1", "（二）A2", "（三）B", "二、C"])
        #expect(indented.selection == ItemPath([0, 2]))
        // The first item of a level has nothing to go under.
        #expect(ItemEdit.indent.apply(to: items, at: ItemPath([0])) == nil)
        #expect(ItemEdit.indent.apply(to: items, at: ItemPath([0, 0])) == nil)
        let subtree = try #require(ItemEdit.indent.apply(to: [LetterItem("X")] + items, at: ItemPath([1])))
        #expect(markers(subtree.items) == ["一、X", "（一）A", "1.A1", "2.A2", "二、B", "三、C"])
    }

    @Test func outdentKeepsReadingOrder() throws {
        let three = [LetterItem("A", children: [LetterItem("A1"), LetterItem("A2"), LetterItem("A3")])]
        let outdented = try #require(ItemEdit.outdent.apply(to: three, at: ItemPath([0, 1])))
        #expect(markers(outdented.items) == ["一、A", "（一）A1", "二、A2", "（一）A3"])
        #expect(outdented.selection == ItemPath([1]))
        #expect(ItemEdit.outdent.apply(to: items, at: ItemPath([1])) == nil)
        // Indent undoes outdent here.
        let back = try #require(ItemEdit.indent.apply(to: outdented.items, at: ItemPath([1])))
        #expect(back.items == [LetterItem("A", children: [LetterItem("A1"), LetterItem("A2", children: [LetterItem("A3")])])])
    }

    @Test func moveUpAndDownWithinTheLevel() throws {
        let down = try #require(ItemEdit.moveDown.apply(to: items, at: ItemPath([0])))
        #expect(markers(down.items) == ["一、B", "二、A", "（一）A1", "（二）A2", "三、C"])
        #expect(down.selection == ItemPath([1]))
        let up = try #require(ItemEdit.moveUp.apply(to: items, at: ItemPath([0, 1])))
        #expect(markers(up.items) == ["一、A", "（一）A2", "（二）A1", "二、B", "三、C"])
        #expect(ItemEdit.moveUp.apply(to: items, at: ItemPath([0])) == nil)
        #expect(ItemEdit.moveDown.apply(to: items, at: ItemPath([2])) == nil)
        #expect(ItemEdit.moveDown.apply(to: items, at: ItemPath([0, 1])) == nil)
    }

    @Test func deleteTakesSubItemsAndMovesTheSelection() throws {
        let deleted = try #require(ItemEdit.delete.apply(to: items, at: ItemPath([0])))
        #expect(markers(deleted.items) == ["一、B", "二、C"])
        #expect(deleted.selection == ItemPath([0]))
        let last = try #require(ItemEdit.delete.apply(to: items, at: ItemPath([2])))
        #expect(last.selection == ItemPath([1]))
        let onlyChild = try #require(ItemEdit.delete.apply(to: [LetterItem("A", children: [LetterItem("A1")])], at: ItemPath([0, 0])))
        #expect(onlyChild.selection == ItemPath([0]))
        let empty = try #require(ItemEdit.delete.apply(to: [LetterItem("A")], at: ItemPath([0])))
        #expect(empty.items.isEmpty && empty.selection == nil)
    }

    @Test func nothingAppliesToAMissingItem() {
        for edit in ItemEdit.allCases {
            #expect(edit.apply(to: items, at: ItemPath([7])) == nil)
            #expect(edit.apply(to: items, at: ItemPath([])) == nil)
        }
        #expect(ItemEdit.allCases.filter { $0.canApply(to: [], at: nil) } == [.add])
    }

    @Test func editText() {
        #expect(ItemTree.settingText("Z", in: items, at: ItemPath([0, 1]))?[0].children[1].text == "Z")
        #expect(ItemTree.settingText("Z", in: items, at: ItemPath([5])) == nil)
    }
}
