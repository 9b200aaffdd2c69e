import Foundation

/// One record of a batch after checking, before the case-wide duplicate rule: what the
/// workspace keeps of it.
public struct CheckedRecord: Sendable, Hashable {
    /// The record's place in its batch (1, 2, …), which a well-formed `seq` equals.
    public let seq: Int
    /// The line exactly as it was in the batch, without its LF.
    public let line: [UInt8]
    /// True when `line` is a JSON object, so `excluded.jsonl` can carry it as it is.
    public let lineIsObject: Bool
    /// The first rule of spec §3 the record breaks, or `valid`; never `duplicate`, which is
    /// decided across the whole case (`DuplicateRule`).
    public let status: RecordStatus
    public let statement: SignedStatement

    public init(seq: Int, line: [UInt8], lineIsObject: Bool, status: RecordStatus, statement: SignedStatement) {
        self.seq = seq
        self.line = line
        self.lineIsObject = lineIsObject
        self.status = status
        self.statement = statement
    }
}

/// Checks record lines of one batch against spec §3 (all rules but `duplicate`). Safe to use
/// from many threads: records are checked in parallel.
public struct RecordChecker: Sendable {
    public let headerCaseId: String
    public let verifier: any DetachedSignatureVerifying

    public init(headerCaseId: String, verifier: any DetachedSignatureVerifying) {
        self.headerCaseId = headerCaseId
        self.verifier = verifier
    }

    /// `seq` is the record's place in the batch; a line whose own `seq` differs is malformed.
    public func check(line: [UInt8], seq: Int) -> CheckedRecord {
        guard let object = JSONObjectFields(line) else {
            return CheckedRecord(seq: seq, line: line, lineIsObject: false, status: .malformed, statement: SignedStatement())
        }
        let tbs = object.base64("tbs")
        let statement = tbs.map { SignedStatement(tbs: $0) } ?? SignedStatement()
        guard object.string("type") == "record", object.integer("seq") == seq, let tbs, statement.isComplete,
              let signature = object.base64("sig") else {
            return CheckedRecord(seq: seq, line: line, lineIsObject: true, status: .malformed, statement: statement)
        }
        let check = verifier.verdict(signature: signature, over: tbs)
        let status = RecordRules.status(of: statement, signature: check, headerCaseId: headerCaseId)
        return CheckedRecord(seq: seq, line: line, lineIsObject: true, status: status, statement: statement)
    }
}
