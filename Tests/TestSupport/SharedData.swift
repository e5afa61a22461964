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
