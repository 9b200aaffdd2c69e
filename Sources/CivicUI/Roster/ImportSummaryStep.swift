import CGtk
import CivicCore

/// The import's last step: what the files did — records by status (every status of spec §3, in
/// Chinese), new duplicates, each case's progress toward its threshold, files refused with why,
/// and files imported before.
@MainActor
final class ImportSummaryStep {
    let root = Box(vertical: true, spacing: 24)

    func show(_ summary: RosterImportWizard.Summary) {
        root.removeAll()
        // Not a StatusPage: it scrolls on its own and would be cut short inside the step's scroller.
        let header = Box(vertical: false, spacing: 18)
        let titles = Box(vertical: true, spacing: 6).align(vertical: GTK_ALIGN_CENTER)
        titles.append(Label(tr(summary.heading)).xalign(0).style("title-1"))
            .append(Label(tr(summary.overview), wrap: true).xalign(0))
        header.append(Image(iconName: summary.failed.isEmpty ? "emblem-ok-symbolic" : "dialog-warning-symbolic", pixelSize: 64)
            .style(summary.failed.isEmpty ? "success" : "warning"))
            .append(titles)
        root.append(header)
        for progress in summary.cases {
            root.append(PreferencesGroup(title: String(format: tr("案號 %@ 的連署進度"), progress.caseId))
                .add(CaseProgressRow.make(progress.progress)))
        }
        if summary.imported > 0 { root.append(counts(summary)) }
        if !summary.failed.isEmpty {
            let group = PreferencesGroup(title: tr("未匯入的檔案"), description: tr("這些檔案的資料都沒有匯入，其他檔案不受影響。"))
            for failed in summary.failed {
                let row = ActionRow(title: failed.name, subtitle: tr(failed.message))
                row.addPrefix(Image(iconName: "dialog-error-symbolic").style("error"))
                group.add(row)
            }
            root.append(group)
        }
        if !summary.alreadyImported.isEmpty {
            let group = PreferencesGroup(title: tr("先前已匯入的檔案"), description: tr("同一個檔案再匯入不會改變任何資料。"))
            for (name, batch) in summary.alreadyImported {
                let date = ROCDate.short(batch.importedAt.date) ?? batch.importedAt.date.iso
                group.add(ActionRow(title: name, subtitle: String(format: tr("案號 %@ 第 %d 批，%@ 匯入"), batch.caseId, batch.number, date)))
            }
            root.append(group)
        }
    }

    /// Every status with its count in the imported files, and the new duplicates.
    private func counts(_ summary: RosterImportWizard.Summary) -> Widget {
        let group = PreferencesGroup(title: tr("本次匯入的紀錄"),
                                     description: String(format: tr("共 %@ 筆，每筆都已驗證簽章與憑證。"), NumberText.grouped(summary.counts.total)))
        for (status, count) in summary.counts.all {
            group.add(CountRow.make(title: tr(status.label), count: count))
        }
        let duplicates = CountRow.make(title: tr("新增的重複連署"), count: summary.newDuplicates)
        duplicates.subtitle = tr("含先前批次中因本次較早的簽署而改判為重複的紀錄。")
        group.add(duplicates)
        return group
    }
}

/// A row with a title and a count at its end; the count is named with the title, so a screen
/// reader (and the GUI test) reads "有效 3,400" as one.
@MainActor
enum CountRow {
    static func make(title: String, count: Int) -> ActionRow {
        let row = ActionRow(title: title)
        let value = Label(NumberText.grouped(count)).style("numeric")
        value.accessibleName(title + " " + NumberText.grouped(count))
        row.addSuffix(value)
        return row
    }
}

/// A case's progress toward its threshold: valid against the threshold, the percent, a bar.
@MainActor
enum CaseProgressRow {
    static func make(_ progress: ThresholdProgress) -> ActionRow {
        let row = ActionRow(title: tr(progress.label), subtitle: tr(progress.share))
        let bar = ProgressBar(showText: false).size(width: 200).align(vertical: GTK_ALIGN_CENTER)
        bar.fraction = progress.barFraction
        bar.accessibleName(tr(progress.share))
        row.addSuffix(bar)
        return row
    }
}
