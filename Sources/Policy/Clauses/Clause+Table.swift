extension Clause {
    /// Every clause of `spec/POLICY.md`, in the document's order. Detected clauses carry
    /// their rule; `SupportPolicy.evaluate` runs them in this order.
    public static let all: [Clause] = controlPlane + agentNodes + security + lifecycle + scope

    /// The clause with `id`, if the policy has one.
    public static func named(_ id: ClauseID) -> Clause? {
        all.first { $0.id == id }
    }
}
