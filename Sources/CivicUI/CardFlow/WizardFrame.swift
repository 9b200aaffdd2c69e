import CGtk

/// The frame every wizard shares: the wizard's title with its steps in a row (the current
/// one in bold), the current step's page, and at the bottom 取消 on the left, 上一步 and the
/// step's main button on the right, whose label the wizard sets (下一步, 開始解密, 完成…).
/// Escape is 取消 and Enter the main button, wherever the focus is.
@MainActor
final class WizardFrame {
    let root = Box(vertical: true)
    let cancelButton = Button(tr("取消"))
    let backButton = Button(tr("上一步"))
    let nextButton = Button(tr("下一步")).style("suggested-action")
    private let pages = Stack(transition: GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT)
    private let stepLabels: [Label]

    /// `steps` are the names in the row; each page added later is shown for one of them.
    init(title: String, steps: [String]) {
        stepLabels = steps.enumerated().map { index, name in
            Label("\(index + 1). " + name).style("dim-label")
        }
        let stepRow = Box(vertical: false, spacing: 8)
        for (index, label) in stepLabels.enumerated() {
            if index > 0 { stepRow.append(Image(iconName: "go-next-symbolic").style("dim-label")) }
            stepRow.append(label)
        }
        let heading = Box(vertical: true, spacing: 6).margins(top: 18, bottom: 12, start: 24, end: 24)
        heading.append(Label(title).xalign(0).style("title-2")).append(stepRow)

        let buttons = Box(vertical: false, spacing: 12).margins(top: 12, bottom: 12, start: 24, end: 24)
        let spacer = Box(vertical: false).expand(horizontally: true)
        buttons.append(cancelButton).append(spacer).append(backButton).append(nextButton)

        root.append(heading)
            .append(Separator(vertical: false))
            .append(pages.expand(horizontally: true, vertically: true))
            .append(Separator(vertical: false))
            .append(buttons)
        root.onKey("Escape") { [weak self] in self?.cancelButton.activate() ?? false }
        // Enter is the main button while the wizard is shown, and nothing of it in another area.
        root.on("map") { [weak self] in self?.nextButton.makeWindowDefault() }
        root.on("unmap") { [weak self] in self?.nextButton.resignWindowDefault() }
    }

    /// Adds a step's page, scrolled and kept to a readable width unless `wide`.
    func add(_ page: Widget, name: String, wide: Bool = false) {
        let content = wide ? page : Clamp(page.margins(top: 24, bottom: 24, start: 12, end: 12), maximumWidth: 720)
        pages.add(ScrolledWindow(content).expand(horizontally: true, vertically: true), name: name, title: name)
    }

    /// Shows the page `name` and marks step `index` as the current one.
    /// The focus left on the previous page goes, so Enter is the main button until the page
    /// puts it somewhere (the PIN field).
    func show(page name: String, step index: Int) {
        pages.visibleName = name
        root.clearWindowFocus()
        nextButton.makeWindowDefault()
        for (position, label) in stepLabels.enumerated() {
            if position == index {
                label.removeStyle("dim-label")
                label.style("heading")
            } else {
                label.removeStyle("heading")
                label.style("dim-label")
            }
        }
    }

    /// The main button's label, and whether it may be pressed.
    func setNext(_ label: String, enabled: Bool, visible: Bool = true) {
        if nextButton.label != label { nextButton.label = label }
        nextButton.isSensitive = enabled
        nextButton.isVisible = visible
    }
}
