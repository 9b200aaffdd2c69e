import CGtk

/// The seed's left-hand menus (the area's 首次註冊 … 查詢作業, and the sub-functions of 更換憑證
/// and 查詢作業): a navigation list named for screen readers beside a stack of pages; the chosen
/// item's index goes to `onSelect`, which shows (or first makes) its page in `pages`.
@MainActor
final class RegistryMenu {
    let root = Box(vertical: false)
    let pages = Stack()
    var onSelect: (@MainActor (Int) -> Void)?
    private let list = ListBox()

    init(name: String, titles: [String], width: Int32) {
        list.style("navigation-sidebar")
        list.accessibleName(name)
        for title in titles {
            list.appendRow(Label(title, wrap: true).xalign(0).margins(top: 6, bottom: 6, start: 6, end: 6), name: title)
        }
        list.onSelectionChanged { [weak self] index in
            guard let index, titles.indices.contains(index) else { return }
            self?.onSelect?(index)
        }
        root.append(ScrolledWindow(list).size(width: width, height: -1))
            .append(Separator(vertical: true))
            .append(pages.expand(horizontally: true, vertically: true))
    }

    /// Chooses item `index` (the first page is shown this way).
    func select(_ index: Int) {
        list.selectedIndex = index
    }
}
