/// The roster's two wizards as card wizards: their own steps mapped to the shared stages.
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

extension RosterPackWizard: CardWizard {
    public var stage: CardWizardStage {
        switch step {
        case .options: .setup
        case .card: .card
        case .pin: .pin
        case .progress: .working
        case .done: .finished
        }
    }
}
