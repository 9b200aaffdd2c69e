/// An element (or attribute) of an imported DI file that CivicDesk has no field for, kept as it
/// stood in the file so that nothing another system wrote is lost, and reported to the user.
public struct DIKeptElement: Sendable, Hashable, Codable {
    /// Where it was: `函/受文者[1]/含附件[1]`, or `函/段落[2]/@編號` for an attribute.
    public let path: String
    /// The line it starts on in the file.
    public let line: Int
    /// The element as XML (UTF-8, whatever the file's encoding), or `name="value"` for an attribute.
    public let markup: String

    public init(path: String, line: Int, markup: String) {
        self.path = path
        self.line = line
        self.markup = markup
    }
}
