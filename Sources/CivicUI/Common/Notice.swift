import CGtk

/// A message in a page, boxed, with an icon in the theme's warning or error colour: a note on
/// the readers page, a wrong PIN, a failed pack. Hidden while there is nothing to say.
@MainActor
final class Notice {
    let root = Box(vertical: false, spacing: 12)
    private let label = Label(wrap: true, selectable: true).xalign(0).expand(horizontally: true)

    init(style: String, icon: String) {
        root.style("card")
        root.append(Image(iconName: icon, pixelSize: 24).style(style).align(vertical: GTK_ALIGN_START).margins(top: 12, bottom: 12, start: 12))
            .append(label.margins(top: 12, bottom: 12, end: 12))
        root.isVisible = false
    }

    convenience init(style: String, icon: String, text: String) {
        self.init(style: style, icon: icon)
        show(text)
    }

    func show(_ text: String?) {
        root.isVisible = text != nil
        label.text = text ?? ""
    }
}
