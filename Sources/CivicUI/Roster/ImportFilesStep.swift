import CGtk
import CivicCore
import CivicServices
import Foundation

/// The import's first step, as the petition system's download leaves things: the `.cec` files in
/// the Downloads folder, each with a check box (files imported before say so), files chosen
/// elsewhere (選擇其他檔案…, or dropped on the page) added to the list already checked.
@MainActor
final class ImportFilesStep {
    /// A file in the list and what its row says under the name.
    struct Listed: Equatable {
        let file: RosterImportWizard.ChosenFile
        let details: String
    }

    let root = Box(vertical: true, spacing: 18)
    /// The user checked (true) or unchecked a file.
    var onToggle: (@MainActor (RosterImportWizard.ChosenFile, Bool) -> Void)?
    var onChooseOther: (@MainActor () -> Void)?
    private let group: PreferencesGroup
    private let loading = Box(vertical: false, spacing: 12)
    private let empty = Label(wrap: true).xalign(0).style("dim-label")
    private var shown: [Listed] = []
    private var checks: [String: CheckButton] = [:]

    init(downloads: URL) {
        group = PreferencesGroup(title: tr("下載資料夾中的名冊檔"),
                                 description: String(format: tr("「連署人名冊下載」存到「%@」的 .cec 檔。勾選要匯入的批次。"), downloads.path))
        let other = Button(tr("選擇其他檔案…"), iconName: "document-open-symbolic").style("flat")
        other.onClick { [weak self] in self?.onChooseOther?() }
        group.setHeaderSuffix(other)
        loading.append(Spinner().accessibleName(tr("正在讀取下載資料夾…"))).append(Label(tr("正在讀取下載資料夾…")).style("dim-label"))
        empty.text = tr("下載資料夾裡沒有 .cec 檔。請先在公投連署系統的「連署人名冊下載」下載名冊，或按「選擇其他檔案…」。")
        empty.isVisible = false
        root.append(Label(tr("選擇名冊檔")).xalign(0).style("title-3"))
            .append(Label(tr("選擇從公投連署系統下載的連署人名冊檔（.cec），可一次選擇多個批次；也可以把檔案拖放到這裡。"), wrap: true).xalign(0))
            .append(group)
            .append(loading)
            .append(empty)
    }

    /// The list as it is now; `chosen` are the paths the wizard holds.
    func show(_ listed: [Listed]?, chosen: Set<String>) {
        loading.isVisible = listed == nil
        empty.isVisible = listed?.isEmpty == true
        if let listed, listed != shown { rebuild(listed) }
        for (path, check) in checks where check.isActive != chosen.contains(path) {
            check.isActive = chosen.contains(path)
        }
    }

    private func rebuild(_ listed: [Listed]) {
        shown = listed
        group.removeAll()
        checks = [:]
        for entry in listed {
            let row = ActionRow(title: entry.file.name, subtitle: entry.details)
            let check = CheckButton("")
            check.align(vertical: GTK_ALIGN_CENTER)
            check.onToggled { [weak self, weak check] in
                guard let check else { return }
                self?.onToggle?(entry.file, check.isActive)
            }
            row.addPrefix(check)
            row.setActivatable(check)
            group.add(row)
            checks[entry.file.path] = check
        }
    }
}

extension ImportFilesStep.Listed {
    /// A file of the Downloads folder: its size and time, or the batch it was imported as.
    init(_ downloaded: DownloadedBatchFile) {
        file = RosterImportWizard.ChosenFile(name: downloaded.name, path: downloaded.file.path, size: downloaded.size)
        if let batch = downloaded.imported {
            details = String(format: tr("已匯入：案號 %@ 第 %d 批（%@）"), batch.caseId, batch.number,
                             ROCDate.short(batch.importedAt.date) ?? batch.importedAt.date.iso)
        } else {
            details = FileSize.text(downloaded.size) + "・" + LocalTime.text(downloaded.modified)
        }
    }

    /// A file chosen outside the Downloads folder: where it is and its size.
    init(chosen: RosterImportWizard.ChosenFile) {
        file = chosen
        details = FileSize.text(chosen.size) + "・" + (chosen.path as NSString).deletingLastPathComponent
    }
}

/// A moment in the computer's own time zone, as the window shows file times: `113/03/06 10:15`.
enum LocalTime {
    static func text(_ date: Date) -> String {
        guard let time = Timestamp(date, offsetMinutes: TimeZone.current.secondsFromGMT(for: date) / 60) else { return "" }
        return (ROCDate.short(time.date) ?? time.date.iso) + " " + time.clock.prefix(5)
    }
}
