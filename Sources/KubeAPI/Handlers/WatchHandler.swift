import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `?watch=true`: a chunked stream of `{"type","object"}` lines, one per change, flushed as
/// they happen. Without a resourceVersion (or "0") the current objects come first as ADDED.
/// A too-old resourceVersion ends the stream with an ERROR event (410 Expired), as upstream.
/// BOOKMARK events are not sent (allowed: they are an optimisation clients do not require).
/// The stream ends after `timeoutSeconds` of the service clock, or when the server stops.
enum WatchHandler {
    static func watch(_ call: KubeCall) async throws -> Response {
        try await ResourceHandlers.authorize(call, "watch")
        let selection = try Selection(call)
        let filter = selection.matches
        let asTable = TableRenderer.wantsTable(accept: call.accept)
        let includeObject = call.query["includeObject"] == "Object"
        let requested = call.query["resourceVersion"] ?? ""
        var initial: [JSON] = []
        let from: Int64
        if requested.isEmpty || requested == "0" {
            let page = try await call.store.list(call.type, namespace: call.target.namespace, filter: filter)
            initial = page.items
            from = page.resourceVersion
        } else {
            guard let revision = Int64(requested), revision >= 0 else { throw KubeError.badRequest("resourceVersion must be an integer, got \(requested)") }
            from = revision
        }
        let replay = initial
        let changes = call.store.watch(call.type, namespace: call.target.namespace, afterRevision: from, filter: selection.watchFilter)
        let type = call.type
        let clock = call.plane.clock
        let timeout = call.query["timeoutSeconds"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        @Sendable func line(_ eventType: String, _ object: JSON) -> ByteBuffer {
            var rendered = object
            if asTable, eventType != "ERROR" {
                rendered = TableRenderer.table(
                    type, objects: [object], resourceVersion: object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "",
                    continueToken: nil, includeObject: includeObject, includeColumnDefinitions: false, now: clock.now())
            }
            let event: JSON = ["type": .string(eventType), "object": rendered]
            var buffer = ByteBuffer()
            buffer.writeBytes(event.serialized())
            buffer.writeInteger(UInt8(ascii: "\n"))
            return buffer
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody { writer in
                for object in replay { try await writer.write(line("ADDED", object)) }
                let (events, sink) = AsyncStream<Step>.makeStream()
                try await withGracefulShutdownHandler {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            do {
                                for try await change in changes { sink.yield(.change(change)) }
                                sink.yield(.end)
                            } catch let error as KubeError {
                                sink.yield(.failed(error))
                            }
                        }
                        if let timeout {
                            group.addTask {
                                try await clock.sleep(seconds: timeout)
                                sink.yield(.end)
                            }
                        }
                        loop: for await step in events {
                            switch step {
                            case .change(let change): try await writer.write(line(change.type, change.object))
                            case .failed(let error):
                                try await writer.write(line("ERROR", error.status))
                                break loop
                            case .end: break loop
                            }
                        }
                        group.cancelAll()
                    }
                } onGracefulShutdown: {
                    sink.yield(.end)  // the server is stopping: end the stream; clients re-watch elsewhere
                }
                try await writer.finish(nil)
            })
    }

    /// What the stream writer does next.
    enum Step: Sendable {
        case change(ObjectChange)
        case failed(KubeError)
        case end
    }
}
