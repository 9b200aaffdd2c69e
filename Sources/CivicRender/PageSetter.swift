import CPangoCairo

/// A paragraph as the page setter places it: its text, size, where it starts and how its
/// following lines hang, and the room above it. Measured in points on an A4 page.
struct TextRun {
    enum Alignment { case left, center, right }

    var text: String
    var size: Double
    var alignment: Alignment = .left
    /// Left edge of the paragraph, from the left margin.
    var indent: Double = 0
    /// The run's leading label or marker (`主旨：`, `（一）`): its second and later lines start
    /// where the text after it does (a hanging indent, measured in the run's font).
    var hangingAfter: String = ""
    var spaceBefore: Double = 0
    /// Lines kept on one page with the line after them (a heading is never left alone at a foot).
    var keepWithNext = false
}

/// Sets runs of text into A4 pages with Pango over Cairo: every run is laid out once at the
/// page's text width, then its lines are placed one by one, a line that would cross the bottom
/// margin going to the next page. Two passes are needed because every page prints the page
/// count (第1頁 共2頁): `paginate` measures, `draw` paints a page on any Cairo context.
final class PageSetter {
    static let a4 = (width: 595.276, height: 841.89)
    static let margin = (top: 72.0, bottom: 72.0, left: 70.0, right: 70.0)
    static var textWidth: Double { a4.width - margin.left - margin.right }

    /// One line of a laid-out run, placed on a page.
    struct PlacedLine {
        let run: Int
        let line: Int32
        let x: Double
        let baseline: Double
    }

    private let fontFamilies: String
    private var layouts: [OpaquePointer] = []
    private(set) var pages: [[PlacedLine]] = []
    /// Room kept free at the top of later pages (for the repeated 發文字號).
    private let laterPageTop: Double

    /// `measuring` is any Cairo context with the target's font options (a PDF surface's).
    init(runs: [TextRun], fontFamilies: String, measuring context: OpaquePointer, laterPageTop: Double) {
        self.fontFamilies = fontFamilies
        self.laterPageTop = laterPageTop
        layouts = runs.map { Self.layout($0, families: fontFamilies, context: context) }
        paginate(runs)
    }

    deinit {
        layouts.forEach { g_object_unref(UnsafeMutableRawPointer($0)) }
    }

    /// A Pango layout of `run` at the page's text width, with its hanging indent.
    private static func layout(_ run: TextRun, families: String, context: OpaquePointer) -> OpaquePointer {
        let layout = pango_cairo_create_layout(context)!
        let description = pango_font_description_from_string("\(families) \(run.size)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32((textWidth - run.indent) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if !run.hangingAfter.isEmpty {
            pango_layout_set_text(layout, run.hangingAfter, -1)
            var width: Int32 = 0
            pango_layout_get_size(layout, &width, nil)
            pango_layout_set_indent(layout, -width)
        }
        let alignment: PangoAlignment = switch run.alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, alignment)
        pango_layout_set_text(layout, run.text, -1)
        return layout
    }

    private func paginate(_ runs: [TextRun]) {
        let bottom = Self.a4.height - Self.margin.bottom
        var page: [PlacedLine] = []
        var y = Self.margin.top
        func newPage() {
            pages.append(page)
            page = []
            y = Self.margin.top + laterPageTop
        }
        for (index, run) in runs.enumerated() {
            let lines = Self.lines(of: layouts[index])
            if !page.isEmpty { y += run.spaceBefore }
            let needed = (lines.first?.height ?? 0) + (run.keepWithNext && index + 1 < runs.count
                ? runs[index + 1].spaceBefore + (Self.lines(of: layouts[index + 1]).first?.height ?? 0) : 0)
            if !page.isEmpty, y + needed > bottom { newPage() }
            for line in lines {
                if !page.isEmpty, y + line.height > bottom { newPage() }
                page.append(PlacedLine(run: index, line: line.index, x: Self.margin.left + run.indent + line.x,
                                       baseline: y + line.ascent))
                y += line.height
            }
        }
        pages.append(page)
    }

    private struct LineMetrics {
        let index: Int32
        let x: Double
        let ascent: Double
        let height: Double
    }

    /// Each line's offset from the layout's left edge (its indent and alignment), ascent and height.
    private static func lines(of layout: OpaquePointer) -> [LineMetrics] {
        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var result: [LineMetrics] = []
        var index: Int32 = 0
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            let scale = Double(PANGO_SCALE)
            result.append(LineMetrics(index: index, x: Double(logical.x) / scale,
                                      ascent: Double(baseline - logical.y) / scale, height: Double(logical.height) / scale))
            index += 1
        } while pango_layout_iter_next_line(iterator) != 0
        return result
    }

    /// Paints the lines of page `number` (from 0).
    func draw(page number: Int, on context: OpaquePointer) {
        cairo_set_source_rgb(context, 0, 0, 0)
        for placed in pages[number] {
            guard let line = pango_layout_get_line_readonly(layouts[placed.run], placed.line) else { continue }
            cairo_move_to(context, placed.x, placed.baseline)
            pango_cairo_show_layout_line(context, line)
        }
    }

    /// Sets one short line at a fixed place (headers and footers), outside the flow.
    func drawLine(_ text: String, size: Double, alignment: TextRun.Alignment, top: Double, on context: OpaquePointer) {
        let run = TextRun(text: text, size: size, alignment: alignment)
        let layout = Self.layout(run, families: fontFamilies, context: context)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_move_to(context, Self.margin.left, top)
        pango_cairo_show_layout(context, layout)
    }
}
