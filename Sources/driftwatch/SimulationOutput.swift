import Foundation

/// Writes `line` and a newline to standard output at once. `print` buffers whole blocks when the
/// output is a pipe or a file, which would hold back the progress of a long-running command.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
