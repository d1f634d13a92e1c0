import Foundation

/// `watch`: one etcd watch on the cluster's prefixed range, its events stripped of the prefix.
extension EtcdDatastore {
    public func watch(_ request: WatchRequest) -> AsyncThrowingStream<WatchEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream()
        let compacted = state.withLock { $0.compacted }
        let registration = state.withLock { s -> UInt64? in
            if s.closed { return nil }
            s.nextWatch += 1
            s.watches[s.nextWatch] = continuation
            return s.nextWatch
        }
        guard let registration else {
            continuation.finish(throwing: DatastoreError.closed)
            return stream
        }
        if request.afterRevision > 0 && request.afterRevision < compacted {
            continuation.finish(throwing: DatastoreError.compacted(compactRevision: compacted))
            return stream
        }
        var create: [String: Any] = ["key": EtcdWire.base64(keyspace.etcdKey(request.key))]
        if let end = keyspace.etcdRangeEnd(request.rangeEnd) { create["range_end"] = EtcdWire.base64(end) }
        if request.afterRevision > 0 { create["start_revision"] = String(request.afterRevision + 1) }
        if request.prevKV { create["prev_kv"] = true }
        let lines = client.watch(create)
        watchGate.enter()
        // Lives as long as its consumer: `onTermination` cancels it.
        let task = Task { [self] in
            var created = false
            func markCreated() {
                if !created {
                    created = true
                    watchGate.leave()
                }
            }
            defer { markCreated() }
            do {
                for try await line in lines {
                    let message = try JSONDecoder().decode(EtcdWire.WatchMessage.self, from: line)
                    if let error = message.error {
                        throw EtcdClient.Failure.server(
                            message: error.message ?? "watch failed", code: error.grpc_code ?? 0)
                    }
                    guard let result = message.result else { continue }
                    if let point = result.compact_revision?.value, point > 0 {
                        throw DatastoreError.compacted(compactRevision: max(point, state.withLock { $0.compacted }))
                    }
                    if result.canceled == true {
                        throw DatastoreError.unavailable("etcd cancelled the watch: \(result.cancel_reason ?? "")")
                    }
                    markCreated()
                    for event in result.events ?? [] {
                        guard let kv = event.kv else { continue }
                        continuation.yield(
                            WatchEvent(
                                kind: event.type == "DELETE" ? .delete : .put,
                                kv: keyValue(kv),
                                prevKV: request.prevKV ? event.prev_kv.map(keyValue) : nil))
                    }
                }
                continuation.finish()
            } catch is CancellationError {
                continuation.finish()
            } catch {
                continuation.finish(throwing: await mapped(error))
            }
        }
        continuation.onTermination = { [weak self] _ in
            task.cancel()
            _ = self?.state.withLock { $0.watches.removeValue(forKey: registration) }
        }
        return stream
    }
}
