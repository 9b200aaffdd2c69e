import CivicCore
import CivicFiles
import CPangoCairo
import Foundation

/// A letter set in A4 pages in the official 函 layout (Core's `LetterLayout` decides the words
/// and their order; this decides sizes, indents and pages): written as a PDF, or one page drawn
/// as a PNG for the wizard's live preview. Both go through the same pagination, so the preview
/// shows the pages the PDF will have.
public struct LetterRenderer: Sendable {
    /// TW-Kai (全字庫正楷體, `fonts-cns11643-kai`), the typeface of printed 公文; Noto Serif CJK
    /// where it lacks a character or is not installed.
    public static let fontFamilies = "TW-Kai, Noto Serif CJK TC"

    public let letter: OfficialLetter
    public let variant: LetterVariant

    public init(_ letter: OfficialLetter, variant: LetterVariant) {
        self.letter = letter
        self.variant = variant
    }

    /// The whole letter as a PDF document, and its number of pages.
    public func pdf() -> (bytes: [UInt8], pages: Int) {
        let sink = CairoBytes()
        var pages = 0
        sink.withClosure { closure in
            let surface = cairo_pdf_surface_create_for_stream(CairoBytes.write, closure, PageSetter.a4.width, PageSetter.a4.height)
            let context = cairo_create(surface)
            defer {
                cairo_destroy(context)
                cairo_surface_finish(surface)
                cairo_surface_destroy(surface)
            }
            guard let context else { return }
            let setter = pageSetter(measuring: context)
            pages = setter.pages.count
            for page in setter.pages.indices {
                decorate(page: page, of: setter, on: context)
                setter.draw(page: page, on: context)
                cairo_show_page(context)
            }
        }
        return (sink.bytes, pages)
    }

    /// Writes the PDF to `url` whole or not at all, creating its missing folders for their owner
    /// only (a letter may hold personal data, like every other output); returns the number of pages.
    @discardableResult
    public func writePDF(to url: URL) throws -> Int {
        let (bytes, pages) = pdf()
        try PrivateFolder.create(url.deletingLastPathComponent())
        let file = try StagedFile(destination: url)
        try file.handle.write(bytes)
        try file.commit()
        return pages
    }

    /// Page `page` (from 0, clamped to the last) as a PNG, `scale` pixels per point, on white.
    public func pagePNG(_ page: Int, scale: Double) -> (png: [UInt8], pages: Int) {
        let measuring = MeasuringContext()
        let setter = pageSetter(measuring: measuring.context)
        let index = min(max(page, 0), setter.pages.count - 1)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(PageSetter.a4.width * scale),
                                                 Int32(PageSetter.a4.height * scale))
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { return ([], setter.pages.count) }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        decorate(page: index, of: setter, on: context)
        setter.draw(page: index, on: context)
        let sink = CairoBytes()
        sink.withClosure { _ = cairo_surface_write_to_png_stream(surface, CairoBytes.write, $0) }
        return (sink.bytes, setter.pages.count)
    }

    private func pageSetter(measuring context: OpaquePointer) -> PageSetter {
        PageSetter(runs: LetterLayout.blocks(letter, variant: variant).flatMap(Self.runs),
                   fontFamilies: Self.fontFamilies, measuring: context, laterPageTop: Self.continuationRoom)
    }

    /// What every page carries outside the flow: the variant's mark on the first, the letter's
    /// number on later ones, and 第1頁 共2頁 at the foot.
    private func decorate(page: Int, of setter: PageSetter, on context: OpaquePointer) {
        let top = PageSetter.margin.top - 36
        if page == 0 {
            setter.drawLine(variant.mark, size: 16, alignment: .left, top: top, on: context)
        } else {
            setter.drawLine(LetterLayout.continuationHeader(letter), size: 12, alignment: .left,
                            top: PageSetter.margin.top, on: context)
        }
        setter.drawLine(LetterLayout.pageLabel(page: page + 1, of: setter.pages.count), size: 11, alignment: .center,
                        top: PageSetter.a4.height - PageSetter.margin.bottom + 24, on: context)
    }

    /// Room above the flow on later pages, for the repeated number.
    private static let continuationRoom = 28.0

    /// Sizes of the official layout (文書處理手冊): title 20 pt, 受文者, 主旨 and 說明 16 pt, the
    /// date and number lines 12 pt.
    private static func runs(_ block: LetterBlock) -> [TextRun] {
        switch block {
        case .variantMark:
            return []
        case .filing(let lines):
            return lines.map { TextRun(text: $0, size: 12, alignment: .right) }
        case .title(let title):
            return [TextRun(text: title, size: 20, alignment: .center, spaceBefore: 12)]
        case .senderDetails(let lines):
            return lines.enumerated().map { index, line in
                TextRun(text: line, size: 12, indent: PageSetter.textWidth * 0.4, spaceBefore: index == 0 ? 10 : 0)
            }
        case .field(let label, let text):
            let size = label.hasPrefix("受文者") ? 16.0 : 12.0
            return [labelled(label, text, size: size, spaceBefore: size == 16 ? 14 : 2)]
        case .subject(let label, let text):
            return [labelled(label, text, size: 16, spaceBefore: 14)]
        case .paragraphHeading(let label, let text):
            return [labelled(label, text, size: 16, spaceBefore: 8, keepWithNext: text.isEmpty)]
        case .item(let marker, let level, let text):
            return [TextRun(text: marker + text, size: 16, indent: itemIndent(level), hangingAfter: marker, spaceBefore: 2)]
        case .distribution(let label, let text):
            return [labelled(label, text, size: 12, spaceBefore: label.hasPrefix("正本") ? 18 : 2)]
        case .signature(let lines):
            return lines.enumerated().map { index, line in
                TextRun(text: line, size: 18, alignment: .right, spaceBefore: index == 0 ? 36 : 4)
            }
        }
    }

    /// A label whose text wraps under itself: the hanging indent is the label's width.
    private static func labelled(_ label: String, _ text: String, size: Double, spaceBefore: Double,
                                 keepWithNext: Bool = false) -> TextRun {
        TextRun(text: label + text, size: size, hangingAfter: label, spaceBefore: spaceBefore,
                keepWithNext: keepWithNext)
    }

    /// Items of level 0 start at the margin, each deeper level one full-width character further in;
    /// an item's wrapped lines hang under its text, past its marker.
    private static func itemIndent(_ level: Int) -> Double {
        Double(level) * 16
    }
}

/// A Cairo context on a PDF surface that writes nowhere: text measured on it breaks exactly as
/// in the written PDF, so a preview page holds the lines of the same PDF page.
final class MeasuringContext {
    private let surface: OpaquePointer
    let context: OpaquePointer

    init() {
        surface = cairo_pdf_surface_create_for_stream(nil, nil, PageSetter.a4.width, PageSetter.a4.height)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }
}
