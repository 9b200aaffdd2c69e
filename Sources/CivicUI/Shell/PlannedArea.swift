/// An area whose wizard has not been built yet: it says so plainly instead of showing fake content.
@MainActor
final class PlannedArea: Area {
    let id: String
    let title: String
    let iconName: String
    let root: Widget
    /// Files of this area's kind are opened on its page, which says the wizard is still to come.
    let fileExtensions: [String]

    init(id: String, title: String, iconName: String, purpose: String, fileExtensions: [String] = []) {
        self.id = id
        self.title = title
        self.iconName = iconName
        self.fileExtensions = fileExtensions
        root = StatusPage(iconName: iconName, title: title,
                          description: purpose + "\n\n" + tr("此功能尚未完成，將於後續版本提供。"))
            .accessibleName(title)
    }
}
