import CGtk
import CivicCore
import CivicRender

/// The letter as it will print, one A4 page at a time with 上一頁 / 下一頁 and 第1頁 共N頁: the
/// wizard's live preview. Pages are drawn off the main thread (`LetterRenderer.pagePNG`); while
/// one is drawn, keystrokes only note the newest letter, which is drawn next, so typing never
/// waits for Pango.
@MainActor
final class LetterPreview {
    let root = Box(vertical: true, spacing: 6)
    private let picture = Picture()
    private let pageLabel = Label().style("dim-label", "numeric")
    private let previous = Button("", iconName: "go-previous-symbolic")
    private let following = Button("", iconName: "go-next-symbolic")
    private let scale: Double
    private var page = 0
    private var pages = 1
    /// 稿 while a letter is being written and signed off; 正本 once it is dispatched.
    private var variant = LetterVariant.draft
    /// The letter and page asked for last, and those shown (or being drawn).
    private var wanted: (letter: OfficialLetter, page: Int)?
    private var drawing: (letter: OfficialLetter, page: Int)?
    private var shown: (letter: OfficialLetter, page: Int)?

    /// `scale` is pixels per point of the page (A4 is 595 points wide).
    init(scale: Double = 1.5, accessibleName name: String) {
        self.scale = scale
        picture.accessibleName(name).expand(horizontally: true, vertically: true)
        previous.accessibleName(tr("上一頁"))
        previous.tooltip = tr("上一頁（Page Up）")
        following.accessibleName(tr("下一頁"))
        following.tooltip = tr("下一頁（Page Down）")
        previous.onClick { [weak self] in self?.turn(by: -1) }
        following.onClick { [weak self] in self?.turn(by: 1) }
        let bar = Box(vertical: false, spacing: 12).align(horizontal: GTK_ALIGN_CENTER)
        bar.append(previous).append(pageLabel).append(following)
        let sheet = Box(vertical: true).style("card").expand(horizontally: true, vertically: true)
        sheet.append(picture)
        root.append(sheet).append(bar)
        root.onKey("Page_Up") { [weak self] in self?.previous.activate() ?? false }
        root.onKey("Page_Down") { [weak self] in self?.following.activate() ?? false }
        showPageCount()
    }

    /// Draws `letter` (soon: the newest one asked for wins).
    func show(_ letter: OfficialLetter, variant: LetterVariant = .draft) {
        self.variant = variant
        wanted = (letter, page)
        drawNext()
    }

    private func turn(by offset: Int) {
        let target = min(max(page + offset, 0), pages - 1)
        guard target != page, let letter = wanted?.letter else { return }
        page = target
        wanted = (letter, target)
        showPageCount()
        drawNext()
    }

    private func drawNext() {
        guard drawing == nil, let wanted, !(shown.map { $0.letter == wanted.letter && $0.page == wanted.page } ?? false) else { return }
        drawing = wanted
        let (scale, variant) = (scale, variant)
        MainThread.background({
            LetterRenderer(wanted.letter, variant: variant).pagePNG(wanted.page, scale: scale)
        }, then: { [weak self] result in
            guard let self else { return }
            self.drawing = nil
            self.shown = wanted
            self.pages = max(result.pages, 1)
            if self.page >= self.pages, let letter = self.wanted?.letter {
                self.page = self.pages - 1
                self.wanted = (letter, self.page)
            }
            self.picture.show(imageBytes: result.png)
            self.showPageCount()
            self.drawNext()
        })
    }

    private func showPageCount() {
        let text = String(format: tr("第%d頁 共%d頁"), page + 1, pages)
        pageLabel.text = text
        picture.accessibleDescription(text)
        previous.isSensitive = page > 0
        following.isSensitive = page + 1 < pages
    }
}
