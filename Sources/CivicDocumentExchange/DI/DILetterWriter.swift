import CivicCore

/// A letter as a DI file under 104_2_utf8.dtd: the elements in the DTD's fixed order, built
/// with libxml2's tree API, UTF-8, the attachments declared as unparsed entities in the internal
/// subset (`ATTCH1`, `ATTCH2`, … under notation `DI`) and named from `<附件檔名 附件名="…">`.
/// Fields the DTD requires but the letter leaves empty (an undated draft) are written empty,
/// so every file is valid; CivicDesk's own fields outside the DTD go in `DIExtensionData`.
public enum DILetterWriter {
    /// The bytes of the DI file, exactly as they are to be written and signed.
    public static func document(for letter: OfficialLetter) throws(DIExchangeError) -> [UInt8] {
        let builder = try XMLDocumentBuilder(rootName: DIVocabulary.root, systemID: DIVocabulary.systemID)
        let entityNames = try declareAttachments(letter.attachments.files, in: builder)
        let extensionData = DIExtensionData(letter)
        if !extensionData.isEmpty {
            try builder.addProcessingInstruction(target: DIVocabulary.extensionTarget, data: try extensionData.instructionData())
        }
        let root = builder.root

        let sender = try root.element("發文機關")
        try sender.element("全銜", text: letter.sender.name)
        try sender.element("機關代碼", text: letter.sender.code)
        try root.element("函類別", attributes: [("代碼", letter.kind.rawValue)])
        try root.element("地址", text: letter.address)
        try writeContact(letter.contact, to: root)
        try writeRecipient(letter.recipient, to: root)
        try root.element("發文日期").element("年月日", text: letter.date.flatMap(ROCDate.long) ?? "")
        try writeNumber(word: letter.numberWord, number: letter.number, to: root)
        if let urgency = letter.urgency { try root.element("速別", attributes: [("代碼", urgency.rawValue)]) }
        if let classification = letter.classification {
            let element = try root.element("密等及解密條件或保密期限")
            try element.element("密等", attributes: [("代碼", classification.level.rawValue)])
            try element.element("解密條件或保密期限", text: classification.condition)
        }
        if !letter.attachments.isEmpty {
            let element = try root.element("附件")
            try element.element("文字", text: letter.attachments.text)
            if !entityNames.isEmpty {
                try element.element("附件檔名", attributes: [("附件名", entityNames.joined(separator: " "))])
            }
        }
        try root.element("主旨").element("文字", text: letter.subject)
        for paragraph in letter.paragraphs {
            let element = try root.element("段落", attributes: [("段名", DIVocabulary.paragraphName(paragraph.heading))])
            if !paragraph.text.isEmpty { try element.element("文字", text: paragraph.text) }
            try writeItems(paragraph.items, level: 0, to: element)
        }
        let originals = try root.element("正本")
        for addressee in letter.originals { try originals.element("全銜", text: addressee.name) }
        if letter.originals.isEmpty { try originals.element("全銜", text: "") }
        if !letter.copies.isEmpty {
            let copies = try root.element("副本")
            for addressee in letter.copies {
                try copies.element("全銜", text: addressee.name)
                if addressee.withAttachments { try copies.element("含附件", text: DIVocabulary.withAttachmentsText) }
            }
        }
        for signature in letter.signatures { try root.element("署名", text: signature) }
        return try builder.serialized()
    }

    /// The entity name each attachment file is declared under, in the letter's order.
    public static func attachmentEntityName(index: Int) -> String { "ATTCH\(index + 1)" }

    private static func declareAttachments(_ files: [AttachmentFile], in builder: XMLDocumentBuilder) throws(DIExchangeError) -> [String] {
        guard !files.isEmpty else { return [] }
        try builder.declareNotation(DIVocabulary.attachmentNotation, systemID: "")
        var names: [String] = []
        for (index, file) in files.enumerated() {
            guard DIVocabulary.isSafeFileName(file.fileName) else { throw .attachmentNameUnsafe(name: file.fileName) }
            guard !files[..<index].contains(file) else { throw .attachmentNameRepeated(name: file.fileName) }
            let name = attachmentEntityName(index: index)
            try builder.declareUnparsedEntity(name, systemID: file.fileName, notation: DIVocabulary.attachmentNotation)
            names.append(name)
        }
        return names
    }

    /// 聯絡方式 is one line of text per element: `承辦人：王小明`, `電話：07-…`, …; the DTD wants at
    /// least one, so a letter without contact details gets one empty line.
    private static func writeContact(_ contact: ContactDetails, to root: XMLElementBuilder) throws(DIExchangeError) {
        let lines = [(DIVocabulary.clerkLabel, contact.clerk), (DIVocabulary.phoneLabel, contact.phone),
                     (DIVocabulary.faxLabel, contact.fax), (DIVocabulary.emailLabel, contact.email)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0)：\($0.1)" }
        for line in lines.isEmpty ? [""] : lines { try root.element("聯絡方式", text: line) }
    }

    private static func writeRecipient(_ recipient: Addressee, to root: XMLElementBuilder) throws(DIExchangeError) {
        let element = try root.element("受文者")
        try element.element("全銜", text: recipient.name)
        try element.element("機關代碼", text: recipient.agencyCode)
        if recipient.withAttachments { try element.element("含附件", text: DIVocabulary.withAttachmentsText) }
    }

    /// `<字>議秘字</字><文號><年度>113</年度><流水號>1130000123</流水號><支號>1</支號></文號>`; before
    /// the number is taken, 年度 and 流水號 are empty.
    private static func writeNumber(word: String, number: DocumentNumber?, to root: XMLElementBuilder) throws(DIExchangeError) {
        let element = try root.element("發文字號")
        try element.element("字", text: DIVocabulary.wordElementText(number?.word ?? word))
        let serial = try element.element("文號")
        try serial.element("年度", text: number.map(DIVocabulary.yearText) ?? "")
        try serial.element("流水號", text: number.map(DIVocabulary.serialText) ?? "")
        if let branch = number?.branch { try serial.element("支號", text: String(branch)) }
    }

    /// 條列 with its 序號 (`一、`, `（一）`, …) as the letter numbers it, and its sub-items.
    private static func writeItems(_ items: [LetterItem], level: Int, to parent: XMLElementBuilder) throws(DIExchangeError) {
        for (index, item) in items.enumerated() {
            let element = try parent.element("條列", attributes: [("序號", ItemNumbering.label(level: level, index: index + 1))])
            if !item.text.isEmpty { try element.element("文字", text: item.text) }
            try writeItems(item.children, level: level + 1, to: element)
        }
    }
}
