/// An area whose wizard has not been built yet: it says so plainly instead of showing fake content.
@MainActor
final class PlannedArea: Area {
    let id: String
    let title: String
    let iconName: String
    let root: Widget

    init(id: String, title: String, iconName: String, purpose: String) {
        self.id = id
        self.title = title
        self.iconName = iconName
        root = StatusPage(iconName: iconName, title: title,
                          description: purpose + "\n\n" + tr("此功能尚未完成，將於後續版本提供。"))
            .accessibleName(title)
    }
}
