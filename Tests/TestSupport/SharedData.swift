import Foundation
import Testing

/// The shared data beside this checkout (`../shared`): real articles, gold annotations, the
/// treebank. Tests that read it are skipped with a message when it is absent, and fail when
/// `CI=true` (CI must have it). One copy for every test target.

/// `../shared/<relative>`; nil (the test returns early) when absent, an issue when CI=true.
public func sharedPath(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
    let url = sharedRoot.appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("\(url.path) is missing: CI needs ../shared", sourceLocation: sourceLocation)
    }
    return nil
}

/// Whether a test that reads `../shared/<relative>` runs (its `.enabled(if:)` condition): when
/// the data is there, and always on CI, where its absence then fails the test.
public func hasShared(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: sharedRoot.appendingPathComponent(relative).path)
        || ProcessInfo.processInfo.environment["CI"] == "true"
}

/// `../shared`, from this file's place in the package (`Tests/TestSupport/`).
public let sharedRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

/// Runs `body` on a thread with a 16 MB stack and waits for it: tests that analyse articles in
/// process do it as the CLI's workers do (a debug build's analysis takes about 100 KB of stack, in
/// frames of 10-20 KB).
public func onLargeStack<T>(_ body: () throws -> T) throws -> T {
    try withoutActuallyEscaping(body) { body in
        let box = LargeStackBox<T>()
        box.body = body
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try box.body!() }
            box.body = nil   // the closure must not outlive this call
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}

private final class LargeStackBox<T>: @unchecked Sendable {
    var body: (() throws -> T)?
    var result: Result<T, Error>?
}
