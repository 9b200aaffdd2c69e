import CivicCore
import Foundation

/// What each record of a generated roster is — who signs, when, and which rule of spec §3 it
/// breaks, if any — as a pure function of the seed and the record's index, so a roster is the
/// same every time it is generated with the same options, and records can be made in parallel.
struct RosterPlan: Sendable {
    let seed: UInt64
    let caseId: String
    let records: Int
    let batches: Int
    /// Percent of records that break a rule, spread over every rule in turn.
    let defectPercent: Double
    /// Midnight (+08:00) of the first signing day.
    let start: Date
    let daysPerBatch: Int

    static let offsetMinutes = 8 * 60

    /// The rules a generated defect breaks, in turn.
    enum Defect: CaseIterable {
        case malformed, badSignature, untrustedCertificate, certificateExpired, identityMismatch, invalidID, caseMismatch
        case underage, duplicate
    }

    struct Person: Sendable {
        let name: String
        let id: String
        let address: String
        let birthDate: CivilDate
    }

    /// One record as planned: the person it names, when they signed, and its defect.
    struct Record: Sendable {
        let index: Int
        let batch: Int
        let seq: Int
        let person: Person
        let signedAt: Timestamp
        let defect: Defect?
        /// A number that picks variants (how a record is malformed, which name is misspelled).
        let variant: UInt64
    }

    // MARK: Batches

    /// The records of batch `batch` (0-based): an even share, the remainder in the last.
    func range(ofBatch batch: Int) -> Range<Int> {
        let share = records / batches
        return batch * share..<(batch == batches - 1 ? records : (batch + 1) * share)
    }

    func firstDay(ofBatch batch: Int) -> Timestamp {
        timestamp(start.addingTimeInterval(Double(batch * daysPerBatch) * 86_400))
    }

    func lastDay(ofBatch batch: Int) -> Timestamp {
        timestamp(start.addingTimeInterval(Double((batch + 1) * daysPerBatch - 1) * 86_400))
    }

    /// The morning after the batch's last signing day.
    func downloadedAt(batch: Int) -> Timestamp {
        timestamp(start.addingTimeInterval(Double((batch + 1) * daysPerBatch) * 86_400 + 10 * 3_600 + 15 * 60))
    }

    // MARK: Records

    func record(_ index: Int) -> Record {
        let batch = (0..<batches).first { range(ofBatch: $0).contains(index) } ?? batches - 1
        let members = range(ofBatch: batch)
        // Signing times rise through the batch over its days, as the petition system lists them.
        let span = Double(daysPerBatch * 86_400 - 1)
        let offset = span * Double(index - members.lowerBound) / Double(max(members.count, 1)) + Double(random(index, 1) % 60)
        let signedAt = timestamp(start.addingTimeInterval(Double(batch * daysPerBatch) * 86_400 + min(offset, span)))
        var broken = defect(index)
        var signer = person(index)
        switch broken {
        case .duplicate:
            // The signer of an earlier valid record signs again; none found, the record is valid.
            if let earlier = earlierValidIndex(before: index) { signer = person(earlier) } else { broken = nil }
        case .underage:
            let date = signedAt.date
            signer = Person(name: signer.name, id: signer.id, address: signer.address,
                            birthDate: CivilDate(year: date.year - 17, month: date.month, day: min(date.day, 28)) ?? date)
        default:
            break
        }
        return Record(index: index, batch: batch + 1, seq: index - members.lowerBound + 1, person: signer, signedAt: signedAt,
                      defect: broken, variant: random(index, 2))
    }

    /// Nil for a valid record; defective records take the rules in turn.
    func defect(_ index: Int) -> Defect? {
        guard Double(random(index, 3) % 1_000_000) < defectPercent * 10_000 else { return nil }
        return Defect.allCases[Int(random(index, 4) % UInt64(Defect.allCases.count))]
    }

    /// A record before `index` that is valid, whose signer a duplicate signs again; nil when
    /// none is found among a few tries (the record is then simply valid).
    private func earlierValidIndex(before index: Int) -> Int? {
        guard index > 0 else { return nil }
        for attempt in 0..<8 {
            let candidate = Int(random(index, 10 + UInt64(attempt)) % UInt64(index))
            if defect(candidate) == nil { return candidate }
        }
        return nil
    }

    /// The signer of record `index`: an adult (18 to 87 when signing starts) with a unique, valid ID.
    private func person(_ index: Int) -> Person {
        let name = Names.surnames[Int(random(index, 5) % UInt64(Names.surnames.count))]
            + Names.given[Int(random(index, 6) % UInt64(Names.given.count))]
            + Names.given[Int(random(index, 7) % UInt64(Names.given.count))]
        let year = timestamp(start).date.year - 19 - Int(random(index, 8) % 70)
        let birth = CivilDate(year: year, month: 1 + Int(random(index, 9) % 12), day: 1 + Int(random(index, 11) % 28))
        return Person(name: name, id: Self.nationalID(index), address: Names.address(random(index, 12)),
                      birthDate: birth ?? timestamp(start).date)
    }

    /// A valid 國民身分證統一編號 for every index, never the same twice: the index scattered over
    /// the 26 letters × 2 sexes × 10⁷ numbers by a multiplier prime to their count.
    static func nationalID(_ index: Int) -> String {
        let space = 26 * 2 * 10_000_000
        let value = (index &* 7_919_993 &+ 12_345) % space
        let letter = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")[value % 26]
        let firstEight = String((value / 26) % 2 + 1) + String(format: "%07d", value / 52)
        return "\(letter)\(firstEight)\(PersonalID.checkDigit(letter: letter, firstEight: firstEight) ?? 0)"
    }

    func timestamp(_ instant: Date) -> Timestamp {
        guard let timestamp = Timestamp(instant, offsetMinutes: Self.offsetMinutes) else { preconditionFailure("date out of range") }
        return timestamp
    }

    /// SplitMix64 of the seed, the index and a salt: one independent number per question asked
    /// about a record.
    func random(_ index: Int, _ salt: UInt64) -> UInt64 {
        var value = seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Plausible names and addresses.
enum Names {
    static let surnames = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭", "邱",
                           "曾", "廖", "賴", "徐", "周", "葉", "蘇", "莊", "呂", "江", "何", "蕭", "羅", "高"]
    static let given = ["家", "志", "明", "美", "玲", "怡", "君", "俊", "宏", "雅", "婷", "建", "文", "淑", "芬", "冠",
                        "宇", "承", "恩", "佳", "穎", "柏", "翰", "詩", "涵", "子", "軒", "欣", "彥", "廷"]
    static let counties = ["臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹市", "嘉義市",
                           "新竹縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣",
                           "臺東縣", "澎湖縣", "金門縣", "連江縣", "台北市", "台中市"]
    static let districts = ["中正區", "中山區", "大安區", "信義區", "東區", "西區", "北區", "南區", "新興區", "竹北市"]
    static let roads = ["中山路", "民生路", "復興路", "仁愛路一段", "自由路", "和平東路二段", "光復路", "成功路"]

    static func address(_ value: UInt64) -> String {
        counties[Int(value % UInt64(counties.count))] + districts[Int(value / 31 % UInt64(districts.count))]
            + roads[Int(value / 997 % UInt64(roads.count))] + "\(1 + value / 7_919 % 300)號"
    }

    /// The name with its last character changed: what an identity mismatch looks like.
    static func misspelled(_ name: String, _ variant: UInt64) -> String {
        var other = given[Int(variant % UInt64(given.count))]
        if name.hasSuffix(other) { other = given[Int((variant + 1) % UInt64(given.count))] }
        return String(name.dropLast()) + other
    }
}
