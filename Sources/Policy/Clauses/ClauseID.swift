/// A clause id of `spec/POLICY.md` ("N3", "SEC4", "L2"). Findings, lifecycle decisions and
/// the supportability report cite clauses by this id.
public struct ClauseID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (a: ClauseID, b: ClauseID) -> Bool { a.rawValue < b.rawValue }

    // A. Managed control plane
    public static let cp1: ClauseID = "CP1", cp2: ClauseID = "CP2", cp3: ClauseID = "CP3"
    public static let cp4: ClauseID = "CP4", cp5: ClauseID = "CP5"
    // B. Agent nodes and shared responsibility
    public static let n1: ClauseID = "N1", n2: ClauseID = "N2", n3: ClauseID = "N3", n4: ClauseID = "N4"
    public static let n5: ClauseID = "N5", n6: ClauseID = "N6", n7: ClauseID = "N7", n8: ClauseID = "N8"
    public static let n9: ClauseID = "N9", n10: ClauseID = "N10", n11: ClauseID = "N11", n12: ClauseID = "N12"
    // C. Security and patching
    public static let sec1: ClauseID = "SEC1", sec2: ClauseID = "SEC2", sec3: ClauseID = "SEC3"
    public static let sec4: ClauseID = "SEC4", sec5: ClauseID = "SEC5"
    // D. Stopped, deallocated and not-ready clusters
    public static let l1: ClauseID = "L1", l2: ClauseID = "L2", l3: ClauseID = "L3", l4: ClauseID = "L4"
    public static let l5: ClauseID = "L5"
    // E. Features, versions and support scope
    public static let f1: ClauseID = "F1", f2: ClauseID = "F2"
    public static let sup1: ClauseID = "SUP1", sup2: ClauseID = "SUP2", sup3: ClauseID = "SUP3", sup4: ClauseID = "SUP4"
}
