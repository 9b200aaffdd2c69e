import CGtk
import CGtkShim

/// A table for long lists (GtkColumnView over an index model): only the visible rows exist as
/// widgets, and each cell asks for its text by row index when it scrolls into view, so 300,000
/// records cost a screenful of labels.
@MainActor
public final class ColumnView: Widget {
    /// A column: its title, and the text of row `index`.
    public struct Column {
        public let title: String
        public let expands: Bool
        public let text: @MainActor (Int) -> String

        public init(title: String, expands: Bool = false, text: @escaping @MainActor (Int) -> String) {
            self.title = title
            self.expands = expands
            self.text = text
        }
    }

    private let model: GObjectHandle
    private var factories: [GObjectHandle] = []

    public init(columns: [Column], rowCount: Int = 0) {
        let indexModel = civic_index_model_new(guint(rowCount))
        model = GObjectHandle(taking: UnsafeMutableRawPointer(indexModel!))
        let selection = gtk_single_selection_new(OpaquePointer(g_object_ref(model.raw)))
        gtk_single_selection_set_autoselect(selection, 0)
        super.init(taking: UnsafeMutableRawPointer(gtk_column_view_new(selection)))
        gtk_column_view_set_show_row_separators(pointer(), 1)
        append(columns: columns)
    }

    /// Adds columns after the table was made (their text may need the table's owner).
    public func append(columns: [Column]) {
        for column in columns { append(column) }
    }

    /// How many rows there are; setting it reloads every visible row.
    public var rowCount: Int {
        get { Int(g_list_model_get_n_items(model.pointer())) }
        set { civic_index_model_set_n_items(model.pointer(), guint(newValue)) }
    }

    /// Binds the rows in `range` again (their data arrived), keeping the scroll position.
    public func reloadRows(_ range: Range<Int>) {
        guard !range.isEmpty, range.lowerBound >= 0 else { return }
        civic_index_model_rows_changed(model.pointer(), guint(range.lowerBound), guint(range.count))
    }

    /// Called with a row's index when it is activated (double click, Enter).
    public func onActivate(_ action: @escaping @MainActor (Int) -> Void) {
        gtk_column_view_set_single_click_activate(pointer(), 0)
        onArgument("activate") { position in
            action(Int(UInt32(truncatingIfNeeded: Int(bitPattern: position))))
        }
    }

    /// The selected row's index; nil when none is.
    public var selectedIndex: Int? {
        guard let model = gtk_column_view_get_model(pointer()) else { return nil }
        let index = gtk_single_selection_get_selected(model)
        return index == guint.max ? nil : Int(index)
    }

    private func append(_ column: Column) {
        let factory = GObjectHandle(taking: UnsafeMutableRawPointer(gtk_signal_list_item_factory_new()))
        factory.onArgument("setup") { item in
            guard let item else { return }
            let label = gtk_label_new(nil)
            gtk_label_set_xalign(OpaquePointer(label), 0)
            gtk_label_set_ellipsize(OpaquePointer(label), PANGO_ELLIPSIZE_END)
            gtk_list_item_set_child(OpaquePointer(item), label)
        }
        let text = column.text
        factory.onArgument("bind") { item in
            guard let item else { return }
            let listItem = OpaquePointer(item)
            let index = civic_list_item_get_index(listItem)
            guard index != guint.max, let child = gtk_list_item_get_child(listItem) else { return }
            gtk_label_set_text(OpaquePointer(child), text(Int(index)))
        }
        let gtkColumn = gtk_column_view_column_new(column.title, factory.pointer())
        gtk_column_view_column_set_expand(gtkColumn, column.expands ? 1 : 0)
        gtk_column_view_column_set_resizable(gtkColumn, 1)
        gtk_column_view_append_column(pointer(), gtkColumn)
        g_object_unref(UnsafeMutableRawPointer(gtkColumn))
        factories.append(factory)
    }
}
