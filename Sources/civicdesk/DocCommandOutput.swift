import CivicCore
import CivicDocumentExchange
import CivicServices
import CivicStore
import Foundation

/// What `civicdesk doc` prints: lines for people and JSON objects (sorted keys) for scripts.
enum DocText {
    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The letter's own JSON form as an object.
    static func letterObject(_ letter: OfficialLetter) throws -> Any {
        try JSONSerialization.jsonObject(with: LetterJSON.encode(letter))
    }

    static func historyObject(_ entry: SignOffEntry) -> [String: Any] {
        ["step": entry.step.rawValue, "label": entry.step.label.zh, "signer": entry.signerName,
         "certificateSerial": entry.certificateSerial, "certificateIssuer": entry.certificateIssuer,
         "signedAt": entry.signedAt.rfc3339, "xmlBytes": entry.xml.count]
    }

    static func showObject(_ stored: StoredLetter) throws -> [String: Any] {
        let summary = stored.summary
        let kept = (try? JSONSerialization.jsonObject(with: Data(stored.keptJSON.utf8))) ?? []
        return ["id": stored.id, "state": stored.progress.state.rawValue, "number": summary.number?.text ?? NSNull(),
                "createdAt": summary.createdAt.rfc3339, "fromAgency": summary.fromAgency, "deadline": summary.deadline?.iso ?? NSNull(),
                "letter": try letterObject(stored.letter), "history": stored.progress.history.map(historyObject), "kept": kept]
    }

    static func show(_ stored: StoredLetter) -> [String] {
        let letter = stored.letter
        var lines = ["公文 \(stored.id)：\(stored.progress.state.label.zh)",
                     "發文字號：\(letter.number?.text ?? "（尚未取號）")",
                     "發文機關：\(letter.sender.name)",
                     "受文者：\(letter.recipient.name)",
                     "主旨：\(letter.subject)"]
        if !stored.summary.fromAgency.isEmpty { lines.append("來文機關：\(stored.summary.fromAgency)") }
        for entry in stored.progress.history {
            lines.append("  \(entry.step.label.zh)　\(entry.signerName)　憑證序號 \(entry.certificateSerial)　\(entry.signedAt.rfc3339)")
        }
        return lines
    }

    static func importObject(_ imported: DocumentService.Import) -> [String: Any] {
        ["id": imported.letter.id,
         "kept": imported.kept.map { ["path": $0.path, "line": $0.line, "markup": $0.markup] },
         "problems": imported.problems, "alreadyThere": imported.wasAlreadyThere,
         "signature": imported.signature.map(signatureWord) ?? (imported.signatureFile == nil ? NSNull() : "unchecked")]
    }

    static func signatureWord(_ check: SignatureCheck) -> String {
        switch check {
        case .malformed: "malformed"
        case .badSignature: "bad"
        case let .verified(_, trusted): trusted ? "verified" : "untrusted"
        }
    }

    /// The signature that came with an imported letter, as the terminal says it.
    static func signatureText(_ check: SignatureCheck) -> UserMessage {
        switch check {
        case .malformed: UserMessage(zh: "附帶的簽章：格式損壞，無法檢查。", en: "Signature that came with it: damaged, cannot be checked.")
        case .badSignature: UserMessage(zh: "附帶的簽章：與公文內容不符。", en: "Signature that came with it: does not match the letter.")
        case let .verified(_, trusted):
            trusted ? UserMessage(zh: "附帶的簽章：正確。", en: "Signature that came with it: correct.")
                    : UserMessage(zh: "附帶的簽章：簽章正確，但憑證不是信任的憑證管理中心所簽發。",
                                  en: "Signature that came with it: correct, but its certificate is not from a trusted CA.")
        }
    }

    static func imported(_ imported: DocumentService.Import) -> [String] {
        var lines = [imported.letter.id]
        if let note = imported.alreadyThereMessage { lines.append(Terminal.text(note)) }
        for element in imported.kept {
            lines.append(Terminal.text(UserMessage(zh: "另外保留（CivicDesk 沒有這個欄位）：\(element.path)，第 \(element.line) 行",
                                                   en: "Kept aside (CivicDesk has no field for it): \(element.path), line \(element.line)")))
        }
        for problem in imported.problems { lines.append(Terminal.text(UserMessage(zh: "注意：", en: "Note: ")) + problem) }
        if let check = imported.signature {
            lines.append(Terminal.text(signatureText(check)))
        } else if let file = imported.signatureFile {
            lines.append(Terminal.text(UserMessage(zh: "附帶的簽章檔 \(file.lastPathComponent) 未檢查：沒有設定信任的憑證管理中心。",
                                                   en: "The signature file \(file.lastPathComponent) was not checked: no trust anchors are set up.")))
        }
        return lines
    }

    static func verifyObject(_ verification: SignOffVerification) -> [String: Any] {
        ["intact": verification.isIntact, "message": Terminal.text(verification.message),
         "brokenStep": verification.brokenStep?.step.rawValue ?? NSNull(),
         "steps": verification.steps.map { result -> [String: Any] in
             historyObject(result.entry).merging(["intact": result.isIntact]) { $1 }
         }]
    }

    static func verified(_ verification: SignOffVerification) -> [String] {
        verification.steps.map { result in
            "\(result.isIntact ? "✓" : "✗") \(result.entry.step.label.zh)　\(result.entry.signerName)　\(result.entry.certificateSerial)"
        } + [Terminal.text(verification.message)]
    }

    static func rowObject(_ row: DocumentListRow) -> [String: Any] {
        ["id": row.id, "number": row.number, "subject": row.subject, "createdAt": row.createdAt, "fromAgency": row.fromAgency,
         "deadline": row.deadline, "state": row.state.zh, "overdue": row.isOverdue]
    }

    static func list(_ rows: [DocumentListRow], box: DocumentBox) -> [String] {
        guard !rows.isEmpty else {
            return [Terminal.text(UserMessage(zh: "\(box.title.zh)：沒有公文。", en: "\(box.title.en): no letters."))]
        }
        return [box.title.zh, DocumentListRow.columns.joined(separator: "\t")] + rows.map { row in
            [row.number, row.subject, row.createdAt, row.fromAgency, row.deadline, row.state.zh + (row.isOverdue ? "（逾期）" : "")]
                .joined(separator: "\t")
        }
    }
}
