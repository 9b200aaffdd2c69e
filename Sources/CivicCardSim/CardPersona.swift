/// Which test card the simulator plays, written as on its command line and control socket:
/// `person:lead`, `agency:gca`, `health` or `unknown`.
public enum CardPersona: Sendable, Hashable, CustomStringConvertible {
    /// A 自然人憑證 of a test person in `people/NAME`.
    case person(String)
    /// An agency card with the certificate in `agencies/NAME`.
    case agency(String)
    case healthInsurance
    case unknown

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("person", 2): self = .person(parts[1])
        case ("agency", 2): self = .agency(parts[1])
        case ("health", 1): self = .healthInsurance
        case ("unknown", 1): self = .unknown
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .person(let name): "person:\(name)"
        case .agency(let name): "agency:\(name)"
        case .healthInsurance: "health"
        case .unknown: "unknown"
        }
    }
}
