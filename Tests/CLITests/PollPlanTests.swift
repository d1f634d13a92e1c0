import Foundation
import Testing
import Wire

@testable import CLI

@Suite("waiting for long-running operations")
struct PollPlanTests {
    let resource = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c"

    @Test("Azure-AsyncOperation is preferred over Location, as azure-core does")
    func prefersAsyncOperation() {
        let reply = HTTPReply(
            status: 202, headers: ["Azure-AsyncOperation": "http://h/op/1", "Location": "http://h/r/1"])
        #expect(PollPlan(reply: reply, verb: .DELETE, resourcePath: resource) == .asyncOperation(url: "http://h/op/1"))
    }

    @Test("a 202 with only Location polls Location; a 200 is already done")
    func locationOrDone() {
        let accepted = HTTPReply(status: 202, headers: ["location": "http://h/r/1"])
        #expect(PollPlan(reply: accepted, verb: .POST, resourcePath: resource) == .location(url: "http://h/r/1"))
        #expect(PollPlan(reply: HTTPReply(status: 200), verb: .PUT, resourcePath: resource) == .done)
        #expect(PollPlan(reply: HTTPReply(status: 204), verb: .DELETE, resourcePath: resource) == .done)
    }

    @Test("a bare 201 to a PUT polls the resource's provisioningState")
    func bodyPolling() throws {
        let plan = PollPlan(reply: HTTPReply(status: 201), verb: .PUT, resourcePath: resource)
        #expect(plan == .provisioningState(path: resource))
        let creating = HTTPReply(status: 200, body: Data(#"{"properties":{"provisioningState":"Creating"}}"#.utf8))
        #expect(try plan.next(after: creating) == plan)
        let done = HTTPReply(status: 200, body: Data(#"{"properties":{"provisioningState":"Succeeded"}}"#.utf8))
        #expect(try plan.next(after: done) == .done)
    }

    @Test("an operation status of Failed throws its ARM error")
    func failedOperation() throws {
        let plan = PollPlan.asyncOperation(url: "http://h/op/1")
        let body = #"{"status":"Failed","error":{"code":"QuotaExceeded","message":"no cores left"}}"#
        #expect(
            throws: CLIError.operationFailed(
                status: "Failed", error: ARMErrorWire(code: "QuotaExceeded", message: "no cores left"))
        ) {
            try plan.next(after: HTTPReply(status: 200, body: Data(body.utf8)))
        }
        #expect(try plan.next(after: HTTPReply(status: 200, body: Data(#"{"status":"InProgress"}"#.utf8))) == plan)
        #expect(try plan.next(after: HTTPReply(status: 200, body: Data(#"{"status":"succeeded"}"#.utf8))) == .done)
    }

    @Test("Location polling continues on 202, follows a moved Location, ends on 200")
    func locationPolling() throws {
        let plan = PollPlan.location(url: "http://h/r/1")
        #expect(try plan.next(after: HTTPReply(status: 202)) == plan)
        #expect(
            try plan.next(after: HTTPReply(status: 202, headers: ["Location": "http://h/r/2"]))
                == .location(url: "http://h/r/2"))
        #expect(try plan.next(after: HTTPReply(status: 200)) == .done)
    }

    @Test("a DELETE without headers waits until the resource answers 404")
    func deleteUntilGone() throws {
        let plan = PollPlan(reply: HTTPReply(status: 202), verb: .DELETE, resourcePath: resource)
        #expect(plan == .gone(path: resource))
        #expect(try plan.next(after: HTTPReply(status: 200, body: Data("{}".utf8))) == plan)
        #expect(try plan.next(after: HTTPReply(status: 404)) == .done)
    }

    @Test("the delay honours Retry-After, then retry-after-ms, within a limit")
    func delays() {
        #expect(PollPlan.delay(after: HTTPReply(status: 202, headers: ["Retry-After": "3"])) == 3)
        #expect(PollPlan.delay(after: HTTPReply(status: 202, headers: ["retry-after-ms": "250"])) == 0.25)
        #expect(PollPlan.delay(after: HTTPReply(status: 202, headers: ["Retry-After": "600"])) == 30)
        #expect(PollPlan.delay(after: HTTPReply(status: 202, headers: ["Retry-After": "0"])) == 1)
    }

    @Test("the progress line shows elapsed seconds and the provisioning state")
    func progressText() {
        #expect(
            ProgressLine.text(elapsedSeconds: 12, state: "Creating") == "- Running .. (12s) provisioningState=Creating")
        #expect(ProgressLine.text(elapsedSeconds: 0, state: nil) == "- Running .. (0s)")
    }
}
