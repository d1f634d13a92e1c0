import Policy
import Testing

@Suite("The clause table")
struct ClauseTableTests {
    /// Transcribed from spec/POLICY.md, sections A to E.
    static let policyIDs: [ClauseID] = [
        "CP1", "CP2", "CP3", "CP4", "CP5",
        "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N10", "N11", "N12",
        "SEC1", "SEC2", "SEC3", "SEC4", "SEC5",
        "L1", "L2", "L3", "L4", "L5",
        "F1", "F2", "SUP1", "SUP2", "SUP3", "SUP4",
    ]

    @Test("holds every clause of POLICY.md, in its order, each once")
    func everyClause() {
        #expect(Clause.all.map(\.id) == Self.policyIDs)
        #expect(Set(Clause.all.map(\.id)).count == Clause.all.count)
    }

    @Test("every clause has a rule and a remedy a tenant can read")
    func remedies() {
        for clause in Clause.all {
            #expect(!clause.rule.isEmpty, "\(clause.id) has no rule")
            #expect(clause.remedy.count > 20, "\(clause.id) has no usable remedy")
        }
    }

    @Test("a clause is detected exactly when it has a rule function")
    func detectedHaveChecks() {
        for clause in Clause.all {
            #expect((clause.handling == .detected) == (clause.check != nil), "\(clause.id)")
        }
        let detected = Clause.all.filter { $0.handling == .detected }.map(\.id)
        #expect(detected == [.n3, .n4, .n9, .n11, .sec4, .l1, .l2, .l3, .l5, .f1, .f2])
    }

    @Test("clauses are grouped in the areas of POLICY.md")
    func areas() {
        #expect(Clause.named(.cp4)?.area == .controlPlane)
        #expect(Clause.named(.n11)?.area == .agentNodes)
        #expect(Clause.named(.sec4)?.area == .security)
        #expect(Clause.named(.l2)?.area == .lifecycle)
        #expect(Clause.named(.sup4)?.area == .scope)
        #expect(Clause.named("X9") == nil)
    }

    @Test("a healthy cluster has no findings")
    func healthy() {
        #expect(SupportPolicy.evaluate(Fixture.healthy(), previous: [], now: Fixture.t0).isEmpty)
    }
}
