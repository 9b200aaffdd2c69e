/// The roster's import wizard as a card wizard: its own steps mapped to the shared stages.
extension RosterImportWizard: CardWizard {
    public var stage: CardWizardStage {
        switch step {
        case .chooseFiles: .setup
        case .card: .card
        case .pin: .pin
        case .progress: .working
        case .summary: .finished
        }
    }
}
