/// `txn`: the cluster's compare-and-swap as one etcd transaction, which also reads the cluster's
/// revision record first and, when it changes keys, rewrites it in the same etcd revision.
extension EtcdDatastore {
    public func txn(_ request: TxnRequest) async throws -> TxnResponse {
        try checkOpen()
        try await expireDueLeases()
        await watchGate.waitForCreatedWatches()
        let compacted = state.withLock { $0.compacted }
        for case .range(let read) in request.success + request.failure
        where read.revision > 0 && read.revision < compacted {
            throw DatastoreError.compacted(compactRevision: compacted)
        }
        let leases = (request.success + request.failure).compactMap { op -> Int64? in
            if case .put(_, _, let lease) = op, lease != 0 { return lease }
            return nil
        }
        for lease in leases where state.withLock({ $0.leases[lease] == nil }) {
            throw DatastoreError.leaseNotFound(lease)
        }
        let success = branch(request.success)
        let failure = branch(request.failure)
        let txn = try await etcd(requested: leases.first ?? 0) {
            try await client.txn([
                "compare": request.compare.map(compareObject),
                "success": success.operations,
                "failure": failure.operations,
            ])
        }
        let succeeded = txn.succeeded ?? false
        let plan = succeeded ? success : failure
        let responses = txn.responses ?? []
        let before = clusterRevision(responses.first?.response_range)
        var wrote = plan.alwaysWrites
        if let guardIndex = plan.guardIndex, guardIndex < responses.count {
            // The guard's nested txn answers `response_txn`; it wrote when the key existed.
            wrote = wrote || plan.guardWrote(responses[guardIndex])
        }
        let revision = wrote ? (txn.header?.revision?.value ?? before) : before
        var results: [TxnResult] = []
        for (index, op) in plan.userOps {
            guard index < responses.count else { break }
            let response = responses[index]
            switch op {
            case .put:
                results.append(.put(previous: response.response_put?.prev_kv.map(keyValue)))
            case .delete:
                results.append(.delete(deleted: (response.response_delete_range?.prev_kvs ?? []).map(keyValue)))
            case .range(let read):
                results.append(
                    .range(
                        rangeResponse(response.response_range, revision: read.revision > 0 ? read.revision : revision)))
            }
        }
        return TxnResponse(succeeded: succeeded, revision: revision, results: results)
    }

    /// One branch as etcd operations, and where each answer sits.
    struct Branch {
        var operations: [[String: Any]] = []
        /// Index in `operations` of each caller operation.
        var userOps: [(Int, TxnOperation)] = []
        /// True when the branch puts: the revision record is rewritten unconditionally.
        var alwaysWrites = false
        /// A delete-only branch with one delete rewrites the record only if the range held keys.
        var guardIndex: Int?

        func guardWrote(_ response: EtcdWire.ResponseOp) -> Bool {
            response.response_txn?.succeeded ?? false
        }
    }

    /// Reads the revision record, runs `ops`, and keeps the record current when `ops` write.
    func branch(_ ops: [TxnOperation]) -> Branch {
        var plan = Branch()
        plan.operations.append(
            Self.rawRange(keyspace.revisionRecords, end: KeyRange.prefixEnd(keyspace.revisionRecords)))
        let puts = ops.contains { if case .put = $0 { return true } else { return false } }
        let deletes = ops.compactMap { op -> (String, String?)? in
            if case .delete(let key, let end) = op { return (key, end) }
            return nil
        }
        if !puts && deletes.count == 1 {
            // A delete of nothing changes nothing, as in etcd: guard the record on the range holding keys.
            let (key, end) = deletes[0]
            var compare: [String: Any] = [
                "key": EtcdWire.base64(keyspace.etcdKey(key)), "target": "VERSION", "result": "GREATER", "version": "0",
            ]
            if let etcdEnd = keyspace.etcdRangeEnd(end) { compare["range_end"] = EtcdWire.base64(etcdEnd) }
            plan.guardIndex = plan.operations.count
            plan.operations.append([
                "request_txn": ["compare": [compare], "success": [Self.rawPut(keyspace.revisionKey, "")]]
            ])
        }
        for op in ops {
            plan.userOps.append((plan.operations.count, op))
            plan.operations.append(operationObject(op))
        }
        if puts || deletes.count > 1 {
            plan.alwaysWrites = true
            plan.operations.append(Self.rawPut(keyspace.revisionKey, ""))
        }
        return plan
    }
}
