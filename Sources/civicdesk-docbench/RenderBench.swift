import ArgumentParser
import CivicCore
import CivicRender
import Foundation

/// Rendering the letter as the A4 PDF (Pango + Cairo), in memory and written whole, per page.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "The letter's PDF (稿 and 正本), time per page.")

    @OptionGroup var options: BenchOptions

    func run() throws {
        let (letter, items) = try BenchmarkLetter.make(pages: options.pages)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-docbench-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        var draftPages = 0
        var originalPages = 0
        var bytes = 0
        let draft = medianMilliseconds(rounds: options.rounds) {
            let pdf = LetterRenderer(letter, variant: .draft).pdf()
            draftPages = pdf.pages
            bytes = pdf.bytes.count
        }
        let original = try medianMilliseconds(rounds: options.rounds) {
            originalPages = try LetterRenderer(letter, variant: .original).writePDF(to: file)
        }
        let preview = medianMilliseconds(rounds: options.rounds) { _ = LetterRenderer(letter, variant: .draft).pagePNG(0, scale: 1) }
        guard draftPages == options.pages, originalPages == options.pages else {
            throw BenchmarkError("the \(options.pages)-page letter rendered \(draftPages) pages (稿) and \(originalPages) (正本)")
        }
        let pages = options.pages
        print("PDF of the \(pages)-page letter (\(items) 說明 items): \(pages) A4 pages, \(bytes / 1024) KB; median of \(options.rounds) rounds")
        print(String(format: "  稿 in memory:                 %8.2f ms, %6.2f ms a page", draft, draft / Double(pages)))
        print(String(format: "  正本 written whole (fsync):   %8.2f ms, %6.2f ms a page", original, original / Double(pages)))
        print(String(format: "  preview PNG of page 1:        %8.2f ms", preview))
    }
}
