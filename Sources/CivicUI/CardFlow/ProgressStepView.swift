import CGtk

/// The progress step of every card wizard: what is being done, a bar, the figures, and what a
/// cancel does; "正在取消…" once the user asked to stop.
@MainActor
final class ProgressStepView {
    let root = Box(vertical: true, spacing: 12)
    private let heading: Label
    private let current = Label(wrap: true).xalign(0)
    private let bar = ProgressBar()
    private let figures = Label(wrap: true).xalign(0).style("numeric")
    private let cancelling = Label(tr("正在取消…")).xalign(0).style("dim-label")

    init(title: String, note: String) {
        heading = Label(title).xalign(0).style("title-3")
        bar.accessibleName(title)
        root.append(heading).append(current).append(bar.margins(top: 6, bottom: 6)).append(figures).append(cancelling)
            .append(Label(note, wrap: true).xalign(0).style("dim-label").margins(top: 12))
        cancelling.isVisible = false
    }

    func show(current text: String, fraction: Double?, figures: String, cancelling: Bool) {
        current.text = text
        bar.fraction = fraction
        self.figures.text = figures
        self.cancelling.isVisible = cancelling
    }
}
