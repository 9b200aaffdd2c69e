/// Valid signers against a case's threshold (spec §4), in the words every view uses:
/// `有效 1,234／門檻 293,228`, `已達門檻的 0.42%`, and a fraction for a bar.
public struct ThresholdProgress: Sendable, Equatable {
    public let valid: Int
    public let threshold: Int

    public init(valid: Int, threshold: Int) {
        self.valid = valid
        self.threshold = threshold
    }

    /// Valid over threshold; past 1 once the threshold is passed.
    public var fraction: Double { Double(valid) / Double(max(threshold, 1)) }

    /// For a progress bar: at most 1.
    public var barFraction: Double { min(fraction, 1) }

    public var percent: String { NumberText.percent(fraction) }

    public var label: UserMessage {
        let (valid, threshold) = (NumberText.grouped(valid), NumberText.grouped(threshold))
        return UserMessage(zh: "有效 \(valid)／門檻 \(threshold)", en: "\(valid) valid of \(threshold) needed")
    }

    public var share: UserMessage {
        UserMessage(zh: "已達門檻的 \(percent)", en: "\(percent) of the threshold")
    }
}
