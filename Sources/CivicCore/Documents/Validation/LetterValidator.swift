/// Checks a letter as it is typed and before it goes out, listing every problem with the field
/// it belongs to (in DTD order), so the wizard can mark each field and `doc validate` print one
/// line per problem. A draft may still lack its date and number; a dispatched letter may not.
public enum LetterValidator {
    public enum Purpose: Sendable, Hashable {
        /// While drafting and saving: the content must be complete and well-formed.
        case draft
        /// At 發文: also the date, the 字 and the agency code the number and the DI file need.
        case dispatch
    }

    /// `typedDate` is the 發文日期 as typed in a form, when there is one: text that is not a
    /// 中華民國 date is a problem even though `letter.date` could not hold it.
    public static func problems(in letter: OfficialLetter, for purpose: Purpose = .draft,
                                typedDate: String? = nil) -> [LetterProblem] {
        var check = Checker()
        let dispatching = purpose == .dispatch

        check.text(letter.fileNumber, .fileNumber, limit: LetterLimits.fileNumber)
        check.retention(letter.retention)
        check.text(letter.sender.name, .senderName, limit: LetterLimits.agencyName, required: true)
        check.agencyCode(letter.sender.code, .senderCode, required: dispatching)
        check.text(letter.address, .address, limit: LetterLimits.address)
        check.text(letter.contact.clerk, .clerk, limit: LetterLimits.clerk)
        check.phone(letter.contact.phone, .phone)
        check.phone(letter.contact.fax, .fax)
        check.email(letter.contact.email)
        check.text(letter.recipient.name, .recipientName, limit: LetterLimits.addresseeName, required: true)
        check.agencyCode(letter.recipient.agencyCode, .recipientCode, required: false)
        if let typedDate, !TextRules.isBlank(typedDate), ROCDate.parse(typedDate) == nil {
            check.add(.date, UserMessage(zh: "請用中華民國日期（例：113/3/4 或 中華民國113年3月4日）。",
                                         en: "Use a 中華民國 date (e.g. 113/3/4 or 中華民國113年3月4日)."))
        } else {
            check.date(letter.date, required: dispatching)
        }
        check.numberWord(letter.numberWord, required: dispatching)
        check.number(letter.number, of: letter)
        if let classification = letter.classification {
            check.text(classification.condition, .classificationCondition, limit: LetterLimits.classificationCondition,
                       required: true, missing: UserMessage(
                           zh: "機密公文須寫明解密條件或保密期限（例：本件於公布時解密）。",
                           en: "A classified letter needs its declassification condition or period (e.g. 本件於公布時解密)."))
        }
        check.attachments(letter.attachments)
        check.subject(letter.subject)
        check.paragraphs(letter.paragraphs)
        if letter.originals.isEmpty {
            check.add(.originals, UserMessage(zh: "至少要有一個正本受文者。", en: "At least one original recipient (正本) is needed."))
        }
        for (index, original) in letter.originals.enumerated() {
            check.text(original.name, .original(index), limit: LetterLimits.addresseeName, required: true)
        }
        for (index, copy) in letter.copies.enumerated() {
            check.text(copy.name, .copy(index), limit: LetterLimits.addresseeName, required: true)
        }
        for (index, line) in letter.signatures.enumerated() {
            check.text(line, .signature(index), limit: LetterLimits.signature, required: true)
        }
        return check.problems
    }

    /// The problems of one field, for the message beside it in the wizard.
    public static func problems(in letter: OfficialLetter, on field: LetterField, for purpose: Purpose = .draft) -> [LetterProblem] {
        problems(in: letter, for: purpose).filter { $0.field == field }
    }
}

private struct Checker {
    var problems: [LetterProblem] = []

    mutating func add(_ field: LetterField, _ message: UserMessage) {
        problems.append(LetterProblem(field, message))
    }

    static let required = UserMessage(zh: "必須填寫。", en: "Required.")

    /// Blank-when-required, then forbidden characters and length.
    mutating func text(_ text: String, _ field: LetterField, limit: Int, required: Bool = false,
                       missing: UserMessage = Checker.required, lineBreak: UserMessage = TextRules.noLineBreak) {
        if TextRules.isBlank(text) {
            if required { add(field, missing) }
            if text.isEmpty { return }
        }
        if let message = TextRules.check(text, limit: limit, lineBreak: lineBreak) { add(field, message) }
    }

    mutating func retention(_ text: String) {
        guard !text.isEmpty else { return }
        let years = text.hasSuffix("年") ? String(text.dropLast()) : text
        if text != "永久", !(Int(years).map(LetterLimits.retentionYears.contains) ?? false) || !years.allSatisfy(\.isASCIIDigit) {
            add(.retention, UserMessage(zh: "請填「永久」或年數（1 至 100，例：10）。", en: "Use 永久 or a number of years (1 to 100, e.g. 10)."))
        }
    }

    mutating func agencyCode(_ code: String, _ field: LetterField, required: Bool) {
        if code.isEmpty {
            if required { add(field, UserMessage(zh: "電子交換需要機關代碼。", en: "Electronic exchange needs the agency code.")) }
            return
        }
        if code.count > LetterLimits.agencyCode || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            add(field, UserMessage(zh: "機關代碼是 10 個以內的英文字母或數字（例：A09000000E）。",
                                   en: "An agency code is up to 10 letters or digits (e.g. A09000000E)."))
        }
    }

    mutating func phone(_ text: String, _ field: LetterField) {
        let before = problems.count
        self.text(text, field, limit: LetterLimits.phone)
        if problems.count == before, !text.isEmpty, !text.contains(where: \.isNumber) {
            add(field, UserMessage(zh: "請填電話號碼（例：07-7470171）。", en: "Enter a phone number (e.g. 07-7470171)."))
        }
    }

    mutating func email(_ text: String) {
        let before = problems.count
        self.text(text, .email, limit: LetterLimits.email)
        guard problems.count == before, !text.isEmpty else { return }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || parts[1].hasPrefix(".")
            || parts[1].hasSuffix(".") || text.contains(where: \.isWhitespace) {
            add(.email, UserMessage(zh: "電子信箱的格式不對（例：clerk@kcc.gov.tw）。", en: "Not an e-mail address (e.g. clerk@kcc.gov.tw)."))
        }
    }

    mutating func date(_ date: CivilDate?, required: Bool) {
        guard let date else {
            if required { add(.date, UserMessage(zh: "發文前須有發文日期。", en: "A letter needs its date before it goes out.")) }
            return
        }
        if ROCDate.long(date) == nil {
            add(.date, UserMessage(zh: "發文日期須是中華民國日期（民國元年以後）。", en: "The date must be a 中華民國 date (from 1912 on)."))
        }
    }

    mutating func numberWord(_ word: String, required: Bool) {
        if word.isEmpty {
            if required { add(.numberWord, UserMessage(zh: "發文前須選定發文字號的「字」（例：議秘）。", en: "Choose the number's 字 (e.g. 議秘) before the letter goes out.")) }
            return
        }
        let before = problems.count
        text(word, .numberWord, limit: LetterLimits.numberWord)
        guard problems.count == before else { return }
        if word.hasSuffix("字") {
            add(.numberWord, UserMessage(zh: "「字」不必再寫字（填「議秘」，印出「議秘字第…號」）。",
                                         en: "Leave out the final 字 (enter 議秘 to print 議秘字第…號)."))
        } else if word.contains(where: { $0.isASCIIDigit || ("０"..."９").contains($0) || $0.isWhitespace || $0.isPunctuation }) {
            add(.numberWord, UserMessage(zh: "「字」只能有文字，不含數字、空白或標點。", en: "The 字 holds letters only: no digits, spaces or punctuation."))
        }
    }

    mutating func number(_ number: DocumentNumber?, of letter: OfficialLetter) {
        guard let number else { return }
        if number.word != letter.numberWord {
            add(.number, UserMessage(zh: "發文字號的字「\(number.word)」與選定的「\(letter.numberWord)」不同。",
                                     en: "The number's 字 \(number.word) differs from the chosen \(letter.numberWord)."))
        }
        if !(1...999).contains(number.year) || !LetterLimits.serial.contains(number.serial)
            || !(number.branch.map(LetterLimits.branch.contains) ?? true) {
            add(.number, UserMessage(zh: "發文字號的年度、流水號或支號超出範圍。", en: "The number's year, serial or branch is out of range."))
        } else if let date = letter.date, ROCDate.rocYear(ofGregorian: date.year) != number.year {
            add(.number, UserMessage(zh: "發文字號的年度 \(number.year) 與發文日期的年度不同。",
                                     en: "The number's year \(number.year) differs from the date's year."))
        }
    }

    mutating func attachments(_ attachments: LetterAttachments) {
        text(attachments.text, .attachmentsText, limit: LetterLimits.attachmentsText,
             required: !attachments.files.isEmpty,
             missing: UserMessage(zh: "有附件檔時，請寫明附件（例：憑證申請書1份）。", en: "With attached files, name them on the 附件 line (e.g. 憑證申請書1份)."))
        var seen = Set<String>()
        for (index, file) in attachments.files.enumerated() {
            let before = problems.count
            text(file.fileName, .attachmentFile(index), limit: LetterLimits.attachmentFileName, required: true)
            guard problems.count == before else { continue }
            if file.fileName.contains("/") || file.fileName.contains("\\") || file.fileName == "." || file.fileName == ".." {
                add(.attachmentFile(index), UserMessage(zh: "附件檔名不能含有路徑（/ 或 \\）。", en: "An attachment's name cannot hold a path (/ or \\)."))
            } else if !seen.insert(file.fileName).inserted {
                add(.attachmentFile(index), UserMessage(zh: "附件檔名「\(file.fileName)」重複了。", en: "The attachment name \(file.fileName) appears twice."))
            }
        }
    }

    mutating func subject(_ subject: String) {
        let before = problems.count
        text(subject, .subject, limit: LetterLimits.subject, required: true,
             missing: UserMessage(zh: "請填寫主旨。", en: "Enter the subject (主旨)."),
             lineBreak: UserMessage(zh: "主旨只能有一段，不能換行；細節請寫在說明。",
                                    en: "The subject is one paragraph without line breaks; put details under 說明."))
        guard problems.count == before, let label = TextRules.leadingNumbering(subject) else { return }
        add(.subject, UserMessage(zh: "主旨不分項、不編號：請刪去開頭的「\(label)」。",
                                  en: "The subject is never numbered: delete the leading \(label)."))
    }

    mutating func paragraphs(_ paragraphs: [LetterParagraph]) {
        var headings = Set<String>()
        for (index, paragraph) in paragraphs.enumerated() {
            let before = problems.count
            text(paragraph.heading, .paragraphHeading(index), limit: LetterLimits.heading, required: true,
                 missing: UserMessage(zh: "段落須有段名（說明、辦法…）。", en: "A paragraph needs a heading (說明, 辦法, …)."))
            if problems.count == before, !headings.insert(paragraph.heading).inserted {
                add(.paragraphHeading(index), UserMessage(zh: "「\(paragraph.heading)」段重複了。", en: "The \(paragraph.heading) paragraph appears twice."))
            }
            text(paragraph.text, .paragraphText(index), limit: LetterLimits.paragraphText,
                 lineBreak: UserMessage(zh: "段落文字不能換行；分項請用條列。", en: "No line breaks: use items for separate points."))
            if TextRules.isBlank(paragraph.text) && paragraph.items.isEmpty {
                add(.paragraphText(index), UserMessage(zh: "段落是空的：請寫入內容，或刪除這一段。", en: "The paragraph is empty: write something or delete it."))
            }
            items(paragraph.items, paragraph: index, prefix: [])
        }
    }

    mutating func items(_ items: [LetterItem], paragraph: Int, prefix: [Int]) {
        for (index, item) in items.enumerated() {
            let path = ItemPath(prefix + [index])
            text(item.text, .item(paragraph: paragraph, path: path), limit: LetterLimits.itemText, required: true,
                 missing: UserMessage(zh: "這一項是空的：請寫入內容，或刪除這一項。", en: "This item is empty: write something or delete it."),
                 lineBreak: UserMessage(zh: "一項只能有一段，不能換行；另起一項請按「新增」。",
                                        en: "An item is one paragraph without line breaks; add another item instead."))
            if path.level >= ItemNumbering.levels {
                add(.item(paragraph: paragraph, path: path), UserMessage(
                    zh: "條列最多 \(ItemNumbering.levels) 層（到（a））。", en: "Items nest at most \(ItemNumbering.levels) levels deep (to (a))."))
            }
            self.items(item.children, paragraph: paragraph, prefix: path.indices)
        }
    }
}
