import CGtk

/// A vertical list of rows for short lists (GtkListBox). Long lists use a list model instead.
@MainActor
public final class ListBox: Widget {
    fileprivate var rows: [Widget] = []

    public init(selectable: Bool = true) {
        super.init(taking: gtk_list_box_new())
        gtk_list_box_set_selection_mode(pointer(), selectable ? GTK_SELECTION_SINGLE : GTK_SELECTION_NONE)
    }

    /// Appends a row holding `content`, named `name` for assistive technology.
    @discardableResult
    public func appendRow(_ content: Widget, name: String) -> Widget {
        let row = Widget(taking: UnsafeMutableRawPointer(gtk_list_box_row_new()))
        gtk_list_box_row_set_child(row.pointer(), content.widget)
        row.accessibleName(name)
        gtk_list_box_append(pointer(), row.widget)
        rows.append(row)
        keep.append(content)
        return row
    }

    /// Rows GTK holds; kept so their Swift closures stay alive with them.
    fileprivate var keep: [Widget] = []

    public var selectedIndex: Int? {
        get {
            guard let row = gtk_list_box_get_selected_row(pointer()) else { return nil }
            return Int(gtk_list_box_row_get_index(row))
        }
        set {
            if let newValue, rows.indices.contains(newValue) {
                gtk_list_box_select_row(pointer(), rows[newValue].pointer())
            } else {
                gtk_list_box_unselect_all(pointer())
            }
        }
    }

    /// Called with the newly selected row's index (nil when nothing is selected).
    public func onSelectionChanged(_ action: @escaping @MainActor (Int?) -> Void) {
        onArgument("row-selected") { row in
            guard let row else { return action(nil) }
            action(Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self))))
        }
    }
}

extension ListBox {
    /// Takes every row out (the list is shown anew).
    public func removeAllRows() {
        for row in rows { gtk_list_box_remove(pointer(), row.widget) }
        rows.removeAll()
        keep.removeAll()
    }
}
