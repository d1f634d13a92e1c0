import Wire

extension AgentPoolProfileWire {
    /// The pool as a PUT body: the fields read from a GET minus the read-only ones, which the
    /// service sets itself (`az aks scale` also sends back what it read).
    var writable: AgentPoolProfileWire {
        var pool = self
        pool.name = nil
        pool.provisioningState = nil
        pool.currentOrchestratorVersion = nil
        pool.nodeImageVersion = nil
        pool.powerState = nil
        pool.eTag = nil
        return pool
    }
}
