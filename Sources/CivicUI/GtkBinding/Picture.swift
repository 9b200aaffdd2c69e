import CGtk

/// An image shown at the size its space allows, keeping its proportions (GtkPicture): the
/// rendered page of a letter.
@MainActor
public final class Picture: Widget {
    public init() {
        super.init(taking: gtk_picture_new())
        gtk_picture_set_can_shrink(pointer(), 1)
        gtk_picture_set_content_fit(pointer(), GTK_CONTENT_FIT_CONTAIN)
    }

    /// Shows the PNG (or other image file) in `bytes`; false, and the picture emptied, when GDK
    /// cannot read them.
    @discardableResult
    public func show(imageBytes bytes: [UInt8]) -> Bool {
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        guard let texture = gdk_texture_new_from_bytes(data, nil) else {
            gtk_picture_set_paintable(pointer(), nil)
            return false
        }
        gtk_picture_set_paintable(pointer(), texture)
        g_object_unref(UnsafeMutableRawPointer(texture))
        return true
    }
}
