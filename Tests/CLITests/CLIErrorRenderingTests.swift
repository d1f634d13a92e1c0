import Foundation
import Testing
import Wire

@testable import CLI

@Suite("error rendering")
struct CLIErrorRenderingTests {
    @Test("an ARM error prints as az does: code, message, then target")
    func armError() {
        let error = CLIError.arm(
            status: 400,
            ARMErrorWire(code: "InvalidParameter", message: "count must be 1..1000", target: "properties.count"))
        #expect(error.rendered == "ERROR: (InvalidParameter) count must be 1..1000\nTarget: properties.count")
        #expect(error.exitCode == 1)
    }

    @Test("an error reply body becomes an ARM error, other bodies an HTTP error")
    func replyToError() {
        let arm = HTTPReply(status: 404, body: Data(#"{"error":{"code":"ResourceNotFound","message":"gone"}}"#.utf8))
        #expect(arm.error == .arm(status: 404, ARMErrorWire(code: "ResourceNotFound", message: "gone")))
        #expect(arm.error.rendered == "ERROR: (ResourceNotFound) gone")
        let plain = HTTPReply(status: 502, body: Data("bad gateway".utf8))
        #expect(plain.error.rendered == "ERROR: the server answered HTTP 502: bad gateway")
    }

    @Test("usage errors exit with 2, everything else with 1")
    func exitCodes() {
        #expect(CLIError.usage("x").exitCode == 2)
        #expect(CLIError.unreachable(server: "http://h", reason: "refused").exitCode == 1)
        #expect(CLIError.operationFailed(status: "Failed", error: nil).rendered == "ERROR: the operation ended Failed")
    }
}
