/// Why a label or field selector could not be parsed; the description is what the user sees in
/// the 400 Bad Request.
public struct SelectorError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
