import Foundation

/// The `(y/n)` prompt `az` shows before destructive commands unless `--yes` is given.
enum Confirmation {
    static func require(_ confirmed: Bool, _ question: String) throws {
        if confirmed { return }
        guard let answer = Console.ask(question) else {
            throw CLIError.usage("no answer to the confirmation prompt: pass --yes to run without it")
        }
        guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CLIError.local("operation cancelled")
        }
    }
}
