import KubeAPI
import Logging

extension Logger {
    /// Logs a controller write the API refused. A refusal that only says the control plane is
    /// going away (the service shuts down, or the cluster is stopping: 503, which is also what a
    /// cancelled call answers) is expected and the next pass retries, so it is `debug`; anything
    /// else is a `warning` an operator should see.
    func writeFailed(_ message: @autoclosure () -> String, _ error: KubeError) {
        if Task.isCancelled || error.code == 503 {
            debug("\(message()): \(error)")
        } else {
            warning("\(message()): \(error)")
        }
    }
}
