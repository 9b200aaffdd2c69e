import CivicCore
import Foundation

/// The fields of a CivicDesk letter that 104_2_utf8.dtd has no element for — 檔號, 保存年限, the
/// 機關代碼 of 正本 and 副本 entries and whether the attachments go to each 正本 — carried in one
/// `<?civicdesk {JSON}?>` processing instruction before the root. Other systems skip it (a
/// processing instruction is neither content nor checked by the DTD); CivicDesk reads it back
/// so that an exported letter returns whole.
struct DIExtensionData: Codable, Equatable {
    var fileNumber: String
    var retention: String
    var originalCodes: [String]
    var originalsWithAttachments: [Bool]
    var copyCodes: [String]

    init(_ letter: OfficialLetter) {
        fileNumber = letter.fileNumber
        retention = letter.retention
        originalCodes = letter.originals.map(\.agencyCode)
        originalsWithAttachments = letter.originals.map(\.withAttachments)
        copyCodes = letter.copies.map(\.agencyCode)
    }

    /// Nothing to carry: no instruction is written.
    var isEmpty: Bool {
        fileNumber.isEmpty && retention.isEmpty && originalCodes.allSatisfy(\.isEmpty) && !originalsWithAttachments.contains(true)
            && copyCodes.allSatisfy(\.isEmpty)
    }

    /// JSON with `>` escaped, so the text can never close the instruction.
    func instructionData() throws(DIExchangeError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self), let json = String(data: data, encoding: .utf8) else {
            throw .xmlLibraryFailure("JSONEncoder")
        }
        return json.replacingOccurrences(of: ">", with: "\\u003e")
    }

    /// Nil when the instruction is not one CivicDesk wrote.
    static func read(_ data: String) -> DIExtensionData? {
        try? JSONDecoder().decode(DIExtensionData.self, from: Data(data.utf8))
    }

    /// Puts the carried fields into an imported letter: the addressee codes only when the lists
    /// still have the lengths they were written with.
    func apply(to letter: inout OfficialLetter) {
        letter.fileNumber = fileNumber
        letter.retention = retention
        if originalCodes.count == letter.originals.count && originalsWithAttachments.count == letter.originals.count {
            for index in letter.originals.indices {
                letter.originals[index].agencyCode = originalCodes[index]
                letter.originals[index].withAttachments = originalsWithAttachments[index]
            }
        }
        if copyCodes.count == letter.copies.count {
            for index in letter.copies.indices { letter.copies[index].agencyCode = copyCodes[index] }
        }
    }
}
