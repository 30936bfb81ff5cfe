import ArgumentParser
import Foundation

/// Prints `message` as an error and returns the exit status for bad input (2).
///
/// For problems found while running, where ArgumentParser's usage text would only distract.
func badInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(2)
}
