import ArgumentParser
import CivicCore
import CivicDocumentExchange
import Foundation

/// Export and import of the DI exchange file, whole (with attachments and fsync) and in memory.
struct DIBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "di", abstract: "Export and import of the DI exchange file.")

    @OptionGroup var options: BenchOptions

    func run() throws {
        let (letter, items) = try BenchmarkLetter.make(pages: options.pages)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-docbench-\(UUID().uuidString)")
        let store = scratch.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in BenchmarkLetter.attachments {
            try Data(repeating: 0x25, count: 100_000).write(to: store.appendingPathComponent(file.fileName))
        }
        let output = scratch.appendingPathComponent("out")
        var bytes: [UInt8] = []
        let export = try medianMilliseconds(rounds: options.rounds) {
            bytes = try DIFolderExport.export(letter, to: output, baseName: "letter",
                                              attachmentSource: { store.appendingPathComponent($0.fileName) }).bytes
        }
        let write = try medianMilliseconds(rounds: options.rounds) { bytes = try DILetterWriter.document(for: letter) }
        var imported = OfficialLetter()
        let importWhole = try medianMilliseconds(rounds: options.rounds) { imported = try DIFolderImport.read(output).letter }
        let read = try medianMilliseconds(rounds: options.rounds) { imported = try DILetterReader.read(bytes).letter }
        guard imported == letter else { throw BenchmarkError("the imported letter differs from the exported one") }

        let numbered = letter.paragraphs.reduce(0) { $0 + $1.numberedItems.count }
        print("DI file of the \(options.pages)-page letter (\(items) 說明 items, \(numbered) numbered items in all): "
              + "\(bytes.count / 1024) KB; median of \(options.rounds) rounds")
        print(String(format: "  export to a folder (XML + 2 attachments of 100 KB, fsync): %8.2f ms", export))
        print(String(format: "  letter → DI bytes (libxml2 tree, serialised):               %8.2f ms", write))
        print(String(format: "  import from the folder (read, parse, check, attachments):   %8.2f ms", importWhole))
        print(String(format: "  DI bytes → letter (parse and structure check):              %8.2f ms", read))
    }
}
