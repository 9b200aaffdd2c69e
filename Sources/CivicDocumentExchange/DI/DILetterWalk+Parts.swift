import CivicCore

/// The parts of a 函 other than its text fields, each read against its content model.
extension DILetterWalk {
    /// 發文機關 `((全銜,機關代碼)|(單位名,(機關代碼,單位代碼)))`: a unit's 單位代碼 is kept aside.
    mutating func agency(_ element: XMLElementView, path: String) throws(DIExchangeError) -> Agency {
        keepAttributes(of: element, path: path, known: [])
        let model = element.children.contains { if case let .element(child) = $0 { child.name == "單位名" } else { false } }
            ? DIContentModel(.one("單位名"), .one("機關代碼"), .one("單位代碼"))
            : DIContentModel(.one("全銜"), .one("機關代碼"))
        let children = try model.match(element, path: path, kept: &kept)
        var agency = Agency()
        if let name = children.first("全銜") ?? children.first("單位名") { agency.name = try text(name, path: path + "/" + name.name) }
        if let code = children.first("機關代碼") { agency.code = try text(code, path: path + "/機關代碼") }
        keepAll(children.all("單位代碼"), path: path)
        return agency
    }

    /// One 聯絡方式 line: `承辦人：王小明`, `電話:07-…` and the other labels systems use. A line
    /// without a known label is kept aside.
    mutating func readContact(_ element: XMLElementView, path: String, into contact: inout ContactDetails) throws(DIExchangeError) {
        let line = try text(element, path: path + "/聯絡方式")
        guard !line.isEmpty else { return }
        let separator = line.firstIndex { $0 == "：" || $0 == ":" }
        let label = separator.map { String(line[..<$0]).trimmedXMLWhitespace } ?? ""
        let value = separator.map { String(line[line.index(after: $0)...]).trimmedXMLWhitespace } ?? line
        switch DIVocabulary.contactAliases[label] ?? label {
        case DIVocabulary.clerkLabel where contact.clerk.isEmpty: contact.clerk = value
        case DIVocabulary.phoneLabel where contact.phone.isEmpty: contact.phone = value
        case DIVocabulary.faxLabel where contact.fax.isEmpty: contact.fax = value
        case DIVocabulary.emailLabel where contact.email.isEmpty: contact.email = value
        default: kept.append(DIKeptElement(path: path + "/聯絡方式", line: element.line, markup: element.markup))
        }
    }

    /// 受文者: a name (全銜, 單位名, or 姓名 with 職稱) with its 機關代碼 and 含附件. The exchange-form
    /// variant (`<交換表 交換表單="表單"/>`) names the recipients in another file, and is kept aside.
    mutating func recipientAddressee(_ element: XMLElementView, path: String) throws(DIExchangeError) -> Addressee {
        keepAttributes(of: element, path: path, known: [])
        let names = Set(element.children.compactMap { if case let .element(child) = $0 { child.name } else { nil } })
        let model: DIContentModel
        if names.contains("交換表") {
            model = DIContentModel(.one("交換表"))
        } else if names.contains("姓名") {
            model = DIContentModel(.one("姓名"), .optional("職稱"), .one("機關代碼"), .optional("單位代碼"), .optional("含附件"),
                                   .optional("內含本文與附件之可攜式文件檔名"))
        } else if names.contains("單位名") {
            model = DIContentModel(.one("單位名"), .one("機關代碼"), .one("單位代碼"), .optional("含附件"),
                                   .optional("內含本文與附件之可攜式文件檔名"))
        } else {
            model = DIContentModel(.one("全銜"), .one("機關代碼"), .optional("含附件"), .optional("內含本文與附件之可攜式文件檔名"))
        }
        let children = try model.match(element, path: path, kept: &kept)
        var addressee = Addressee()
        if let person = children.first("姓名") {
            addressee.name = try text(person, path: path + "/姓名") + (try optionalText(children.first("職稱"), path: path + "/職稱"))
        } else if let name = children.first("全銜") ?? children.first("單位名") {
            addressee.name = try text(name, path: path + "/" + name.name)
        }
        if let code = children.first("機關代碼") { addressee.agencyCode = try text(code, path: path + "/機關代碼") }
        if let attached = children.first("含附件") { addressee.withAttachments = try readWithAttachments(attached, path: path) }
        keepAll(children.all("交換表") + children.all("單位代碼") + children.all("內含本文與附件之可攜式文件檔名"), path: path)
        return addressee
    }

    /// 含附件's text says yes unless it says no.
    mutating func readWithAttachments(_ element: XMLElementView, path: String) throws(DIExchangeError) -> Bool {
        let value = try text(element, path: path + "/含附件")
        return !["否", "不含附件", "無", "N", "n", "0", "false"].contains(value)
    }

    /// 發文日期 `(年月日)`: `中華民國113年3月4日`; empty for an undated draft.
    mutating func readDate(_ element: XMLElementView, path: String) throws(DIExchangeError) -> CivilDate? {
        keepAttributes(of: element, path: path, known: [])
        let children = try DIContentModel(.one("年月日")).match(element, path: path, kept: &kept)
        guard let day = children.first("年月日") else { return nil }
        let value = try text(day, path: path + "/年月日")
        guard !value.isEmpty else { return nil }
        guard let date = ROCDate.parse(value) else { throw .invalidValue(path: path + "/年月日", value: value, line: day.line) }
        return date
    }

    /// 發文字號 `((字,文號)|(文字))`, 文號 `(年度,流水號,支號?)`. 流水號 is read as document systems
    /// write it (the year's three digits, then the running number) or as the bare number; empty
    /// 年度 and 流水號 mean a letter not numbered yet. The free-text form is read when it is a
    /// number as printed (`議秘字第1130000123號`) and kept aside otherwise.
    mutating func readNumber(_ element: XMLElementView, path: String, into letter: inout OfficialLetter) throws(DIExchangeError) {
        keepAttributes(of: element, path: path, known: [])
        let children = try DIContentModel(.optional("字"), .optional("文號"), .optional("文字")).match(element, path: path, kept: &kept)
        if let free = children.first("文字") {
            guard children.first("字") == nil, children.first("文號") == nil else {
                throw .wrongOrder(path: path, element: "文字", line: free.line, expected: [])
            }
            if let number = DocumentNumber(text: try text(free, path: path + "/文字")) {
                letter.numberWord = number.word
                letter.number = number
            } else {
                keepAll([free], path: path)
            }
            return
        }
        guard let wordElement = children.first("字") else { throw .missingElement(path: path, element: "字") }
        guard let serialElement = children.first("文號") else { throw .missingElement(path: path, element: "文號") }
        let word = DIVocabulary.word(fromElementText: try text(wordElement, path: path + "/字"))
        letter.numberWord = word
        let serialPath = path + "/文號"
        keepAttributes(of: serialElement, path: serialPath, known: [])
        let parts = try DIContentModel(.one("年度"), .one("流水號"), .optional("支號")).match(serialElement, path: serialPath, kept: &kept)
        let yearText = try optionalText(parts.first("年度"), path: serialPath + "/年度")
        let serialText = try optionalText(parts.first("流水號"), path: serialPath + "/流水號")
        let branchText = try optionalText(parts.first("支號"), path: serialPath + "/支號")
        guard !(yearText.isEmpty && serialText.isEmpty) else { return }
        // 年度 is the 文號's first three digits, 流水號 its running number (seven digits, written
        // with 年度 before it or alone): wider values would be written back as another number.
        guard yearText.count <= 3, yearText.allSatisfy(\.isASCIIDigit), let year = Int(yearText), year > 0 else {
            throw .invalidValue(path: serialPath + "/年度", value: yearText, line: serialElement.line)
        }
        let yearPrefix = DIVocabulary.zeroPadded(year, 3)
        let running = serialText.count == 3 + DocumentNumber.serialDigits && serialText.hasPrefix(yearPrefix)
            ? String(serialText.dropFirst(3)) : serialText
        guard running.count <= DocumentNumber.serialDigits, running.allSatisfy(\.isASCIIDigit), let serial = Int(running), serial > 0 else {
            throw .invalidValue(path: serialPath + "/流水號", value: serialText, line: serialElement.line)
        }
        var branch: Int?
        if !branchText.isEmpty {
            guard branchText.allSatisfy(\.isASCIIDigit), let value = Int(branchText) else {
                throw .invalidValue(path: serialPath + "/支號", value: branchText, line: serialElement.line)
            }
            branch = value
        }
        letter.number = DocumentNumber(word: word, year: year, serial: serial, branch: branch)
    }

    /// 密等及解密條件或保密期限 `(密等,解密條件或保密期限)`.
    mutating func readClassification(_ element: XMLElementView, path: String) throws(DIExchangeError) -> Classification? {
        keepAttributes(of: element, path: path, known: [])
        let children = try DIContentModel(.one("密等"), .one("解密條件或保密期限")).match(element, path: path, kept: &kept)
        let condition = try optionalText(children.first("解密條件或保密期限"), path: path + "/解密條件或保密期限")
        guard let levelElement = children.first("密等") else { return nil }
        keepAttributes(of: levelElement, path: path + "/密等", known: ["代碼"])
        guard let level: ClassificationLevel = try optionalCode(of: levelElement, path: path + "/密等") else {
            if condition.isEmpty { return nil }
            throw .invalidValue(path: path + "/密等/@代碼", value: "", line: levelElement.line)
        }
        return Classification(level: level, condition: condition)
    }

    /// 附件 `(文字,附件檔名*)`: each name in 附件名 must be an unparsed entity declared in the
    /// file, whose SYSTEM identifier is a plain file name beside it.
    mutating func readAttachments(_ element: XMLElementView, path: String) throws(DIExchangeError) -> LetterAttachments {
        keepAttributes(of: element, path: path, known: [])
        let children = try DIContentModel(.one("文字"), .any("附件檔名")).match(element, path: path, kept: &kept)
        var attachments = LetterAttachments()
        if let text = children.first("文字") { attachments.text = try self.text(text, path: path + "/文字") }
        for names in children.all("附件檔名") {
            keepAttributes(of: names, path: path + "/附件檔名", known: ["附件名"])
            let entities = (names.attribute("附件名") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            for entity in entities.map(String.init) {
                guard let fileName = info.unparsedEntitySystemID(entity) else { throw .attachmentNotDeclared(entity: entity) }
                guard DIVocabulary.isSafeFileName(fileName) else { throw .attachmentNameUnsafe(name: fileName) }
                attachments.files.append(AttachmentFile(fileName: fileName))
                attachmentEntities.append(entity)
            }
        }
        return attachments
    }

    /// 段落 `(文字?,條列*)` with 段名. An empty 段名 makes the first paragraph 說明 and continues
    /// the one before otherwise.
    mutating func readParagraph(_ element: XMLElementView, path: String, into paragraphs: inout [LetterParagraph]) throws(DIExchangeError) {
        keepAttributes(of: element, path: path, known: ["段名"])
        let (text, items) = try itemContent(element, path: path)
        let heading = DIVocabulary.heading(fromParagraphName: element.attribute("段名") ?? "")
        if heading.isEmpty, var previous = paragraphs.popLast() {
            previous.text = [previous.text, text].filter { !$0.isEmpty }.joined(separator: "\n")
            previous.items += items
            paragraphs.append(previous)
            return
        }
        paragraphs.append(LetterParagraph(heading: heading.isEmpty ? LetterParagraph.explanationHeading : heading, text: text, items: items))
    }

    /// The `(文字?,條列*)` content shared by 段落 and 條列; 序號 is not read, the position numbers.
    mutating func itemContent(_ element: XMLElementView, path: String) throws(DIExchangeError) -> (String, [LetterItem]) {
        let children = try DIContentModel(.optional("文字"), .any("條列")).match(element, path: path, kept: &kept)
        let text = try optionalText(children.first("文字"), path: path + "/文字")
        var items: [LetterItem] = []
        for (index, item) in children.all("條列").enumerated() {
            let itemPath = "\(path)/條列[\(index + 1)]"
            keepAttributes(of: item, path: itemPath, known: ["序號"])
            let (itemText, children) = try itemContent(item, path: itemPath)
            items.append(LetterItem(itemText, children: children))
        }
        return (text, items)
    }

    /// 正本 `((姓名,職稱?)|全銜|單位名|總稱)+` and 副本, whose entries may each be followed by 含附件.
    mutating func addressees(_ element: XMLElementView, path: String) throws(DIExchangeError) -> [Addressee] {
        keepAttributes(of: element, path: path, known: [])
        var result: [Addressee] = []
        var person: Int?
        for child in element.children {
            let entry: XMLElementView
            switch child {
            case let .text(text):
                guard text.isXMLWhitespace else { throw .strayText(path: path, line: element.line, text: text.trimmedXMLWhitespace) }
                continue
            case let .entityReference(name):
                throw .entityReference(name: name, line: element.line)
            case let .element(element):
                entry = element
            }
            let entryPath = path + "/" + entry.name
            switch entry.name {
            case "全銜", "單位名", "總稱":
                result.append(Addressee(name: try text(entry, path: entryPath)))
                person = nil
            case "姓名":
                result.append(Addressee(name: try text(entry, path: entryPath)))
                person = result.count - 1
            case "職稱":
                guard let index = person else { throw .wrongOrder(path: path, element: "職稱", line: entry.line, expected: ["姓名"]) }
                result[index].name += try text(entry, path: entryPath)
                person = nil
            case "含附件":
                guard !result.isEmpty else { throw .wrongOrder(path: path, element: "含附件", line: entry.line, expected: ["全銜"]) }
                result[result.count - 1].withAttachments = try readWithAttachments(entry, path: path)
            default:
                kept.append(DIKeptElement(path: entryPath, line: entry.line, markup: entry.markup))
            }
        }
        return result.filter { !$0.name.isEmpty || $0.withAttachments }
    }

    /// The text of an optional element, empty when it is absent.
    mutating func optionalText(_ element: XMLElementView?, path: String) throws(DIExchangeError) -> String {
        guard let element else { return "" }
        return try text(element, path: path)
    }

    /// Elements CivicDesk has no field for, kept aside whole.
    mutating func keepAll(_ elements: [XMLElementView], path: String) {
        for element in elements {
            kept.append(DIKeptElement(path: path + "/" + element.name, line: element.line, markup: element.markup))
        }
    }
}
