/// A registry wizard's Core model, held by reference so the page and its card views (made
/// before the page is whole) read and change the one value.
@MainActor
final class WizardState<Model> {
    var value: Model

    init(_ value: Model) {
        self.value = value
    }
}
