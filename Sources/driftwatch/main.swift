import ArgumentParser
import Foundation

// Usage errors exit with status 2 (bad input), as documented, rather than ArgumentParser's 64.
do {
    var command = try DriftWatchCommand.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = DriftWatchCommand.exitCode(for: error)
    if code.isSuccess {
        print(DriftWatchCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((DriftWatchCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}

/// Runs an async command; the generic context picks `run() async` over the synchronous overload.
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}
