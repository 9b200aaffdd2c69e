// fuzz-links: DocumentExchange
// A DI file (函 under 104_2_utf8.dtd) from another office's document system, as 公文 import
// reads it: libxml2 with nothing external loaded and every entity declaration but an unparsed
// one refused (`XMLSafeReader`), then the walk over the DTD's content models (`DILetterReader`)
// with what CivicDesk has no field for kept aside. The input is the whole file. Checks that a
// letter read is written back by `DILetterWriter` as a file that reads as the same letter.
// libxml2 itself is the system's, not instrumented: coverage is the Swift side's.
import CivicCore
@testable import CivicDocumentExchange

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let read: DIReadLetter
    do {
        read = try DILetterReader.read(bytes)
    } catch {
        _ = error.message
        return 0
    }
    require(read.attachmentEntities.count == read.letter.attachments.files.count, "attachments and their entities differ in number")
    _ = read.keptReport
    // A file name the writer refuses (outside the folder, twice) is refused on export, by name.
    guard let written = try? DILetterWriter.document(for: read.letter) else { return 0 }
    do {
        let again = try DILetterReader.read(written)
        require(again.letter == read.letter, "written back, the letter reads otherwise: \(again.letter) ≠ \(read.letter)")
    } catch {
        require(false, "CivicDesk's own file of a letter it read is refused: \(error)")
    }
    return 0
}
