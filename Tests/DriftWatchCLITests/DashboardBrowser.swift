import Foundation

/// Headless Chromium, driven from the command line: the DOM after scripts ran, a screenshot,
/// and the console errors and failed loads it logged.
struct DashboardBrowser {
    /// How to get it, for the failure message when it is missing.
    static let installCommand = "apt-get install -y chromium"

    let executable: String

    /// What one page load gave.
    struct Load {
        var output: String
        /// What the page logged to the console (errors, uncaught exceptions, failed loads), one line each.
        var errors: [String]
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "Chromium is not installed, so the dashboard cannot be checked in a browser: install it with `\(DashboardBrowser.installCommand)` (scripts/test does)"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first of `chromium`, `chromium-browser`, `google-chrome` on the `PATH`.
    static func find() throws -> DashboardBrowser {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return DashboardBrowser(executable: path) }
            }
        }
        throw Missing()
    }

    /// The page's DOM once its scripts ran (up to 5 s of virtual time); loads from `origin`
    /// other than `url` itself that failed are reported with the console's errors.
    func dumpDOM(_ url: String, origin: String) throws -> Load {
        try run(["--dump-dom", url], page: url, origin: origin)
    }

    /// A screenshot of the page at `width` × `height` CSS pixels, written to `path`.
    func screenshot(_ url: String, origin: String, to path: String, width: Int = 1280, height: Int = 900) throws
        -> Load
    {
        try run(
            ["--screenshot=\(path)", "--window-size=\(width),\(height)", "--hide-scrollbars", url], page: url,
            origin: origin)
    }

    private func run(_ arguments: [String], page: String, origin: String) throws -> Load {
        let scratch = NSTemporaryDirectory() + "driftwatch-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // Output goes to files: a pipe that nobody reads while the browser runs could fill and block it.
        let (outPath, errPath) = (scratch + "/stdout", scratch + "/stderr")
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil)
        else { throw Failure(description: "cannot create Chromium's output files in \(scratch)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--user-data-dir=\(scratch)/profile", "--no-first-run",
                "--disable-dev-shm-usage", "--log-net-log=\(scratch)/netlog.json",
            ] + arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        let deadline = Date().addingTimeInterval(600)  // stops a hung browser, not a slow one
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "Chromium did not finish within 600 s: \(arguments)")
        }
        let log = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "Chromium exited with \(process.terminationStatus): \(log.suffix(2_000))")
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // Chromium logs a failed resource load to the console only with DevTools attached; its
        // network log has every response's status.
        let netLog = (try? Data(contentsOf: URL(fileURLWithPath: scratch + "/netlog.json"))) ?? Data()
        return Load(
            output: output, errors: Self.errors(in: log) + Self.failedLoads(netLog, origin: origin, except: page))
    }

    /// The console lines of Chromium's log: errors, uncaught exceptions, resources that failed
    /// to load, blocked content. Chromium logs `console.error` at the same level as
    /// `console.log`, and the dashboard's script logs nothing, so every console line counts.
    static func errors(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    /// Requests to `origin` (but `page`) that got an HTTP error status or failed, from a
    /// Chromium network log: each request's URL, status line and network error share its source id.
    static func failedLoads(_ netLog: Data, origin: String, except page: String) -> [String] {
        guard let log = try? JSONSerialization.jsonObject(with: netLog) as? [String: Any],
            let events = log["events"] as? [[String: Any]],
            let types = (log["constants"] as? [String: Any])?["logEventTypes"] as? [String: Int]
        else { return ["the network log cannot be read"] }
        let start = types["URL_REQUEST_START_JOB"]
        var urls: [Int: String] = [:]
        var problems: [Int: String] = [:]
        for event in events {
            guard let source = (event["source"] as? [String: Any])?["id"] as? Int,
                let params = event["params"] as? [String: Any]
            else { continue }
            if event["type"] as? Int == start, let url = params["url"] as? String { urls[source] = url }
            if let status = (params["headers"] as? [String])?.first, status.hasPrefix("HTTP/"),
                let code = Int(status.split(separator: " ").dropFirst().first ?? ""), code >= 400
            {
                problems[source] = status
            }
            // ERR_ABORTED (-3) is a load the page itself cancelled, such as a reload.
            if let error = params["net_error"] as? Int, error != 0, error != -3 {
                problems[source] = problems[source] ?? "network error \(error)"
            }
        }
        return urls.filter { $0.value.hasPrefix(origin) && $0.value != page }.sorted { $0.key < $1.key }
            .compactMap { source, url in problems[source].map { "\(url): \($0)" } }
    }
}
