import SoLieu
import Foundation
import Testing
@testable import SolieuCLI

let diskFull = "solieu: standard output: error: cannot write: No space left on device\n"

/// Standard output that cannot be written (`> /dev/full`) is an error naming the output, exit 1.
@Suite(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"))
struct FailedWriteTests {
    func full() throws -> FileHandle { try #require(FileHandle(forWritingAtPath: "/dev/full")) }

    @Test(arguments: [
        ["segment"], ["segment", "--sentences"], ["tokenize", "-"], ["tokenize", "-", "--format", "json"],
        ["extract", "-"], ["extract", "-", "--format", "json"], ["extract", "-", "--format", "csv"],
    ])
    func smallOutputToAFullDisk(_ arguments: [String]) throws {
        let run = try solieu(arguments, stdin: "Tỉnh thu 1,5 tỷ đồng.\n", stdout: full())
        #expect(run.status == 1)
        #expect(run.stderr == diskFull)
    }

    /// Output larger than the buffer fails half way: reported once, and the run stops.
    @Test func largeOutputToAFullDisk() throws {
        let scratch = try Scratch(["a.txt": Array(String(repeating: "Tỉnh thu 1,5 tỷ đồng.\n", count: 20_000).utf8),
                                   "b.txt": Array("Có 300 hộ.\n".utf8)])
        defer { scratch.cleanup() }
        for arguments in [["extract", scratch.dir.path], ["segment", scratch.path("a.txt")], ["tokenize", scratch.path("a.txt")]] {
            let run = try solieu(arguments, stdout: full())
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr == diskFull, "\(arguments)")
        }
    }

    /// Help and version are standard output too.
    @Test(arguments: [["--help"], ["--version"], ["extract", "--help"], []])
    func helpToAFullDisk(_ arguments: [String]) throws {
        let run = try solieu(arguments, stdout: full())
        #expect(run.status == 1)
        #expect(run.stderr == diskFull)
        let ok = try solieu(arguments)
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix(arguments == ["--version"] ? "0.1.0\n" : "OVERVIEW: "))
    }

    /// The checked writer still writes when it can.
    @Test func outputIsStillWrittenWhenItCan() throws {
        let run = try solieu(["segment"], stdin: "đảng viên\n")
        #expect(run.status == 0)
        #expect(run.stdout == "đảng_viên\n")
    }
}

/// FIFOs, dangling links and unreadable directories among the inputs are reported and skipped.
@Suite struct SpecialInputTests {
    func scratchWithSpecials() throws -> Scratch {
        let scratch = try Scratch(["good.txt": Array("Có 300 hộ.\n".utf8)])
        #expect(mkfifo(scratch.path("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("dangling.txt"), withDestinationPath: scratch.path("gone.txt"))
        return scratch
    }

    /// Without the check, opening the FIFO would block forever (no writer).
    @Test func fifoAndDanglingLinkAreSkipped() throws {
        let scratch = try scratchWithSpecials()
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.path("pipe.txt"), scratch.path("dangling.txt"), scratch.path("good.txt")])
        #expect(run.status == 1)
        #expect(run.stderr == """
        solieu: \(scratch.path("pipe.txt")): error: not a regular file (a FIFO); skipped
        solieu: \(scratch.path("dangling.txt")): error: dangling symbolic link

        """)
        #expect(run.stdout == #"{"article":"good.txt","end":9,"id":1,"interval":{"lower":299.5,"lowerOpen":false,"upper":300.5,"upperOpen":false},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Có 300 hộ.","sentenceIndex":0,"start":3,"text":"300 hộ","time":null,"unit":"hộ","value":300}"# + "\n")
    }

    /// A directory holding them: each is reported in order, the regular file still extracted.
    @Test func specialsInADirectory() throws {
        let scratch = try scratchWithSpecials()
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.dir.path])
        #expect(run.status == 1)
        #expect(run.stderr == """
        solieu: \(scratch.path("dangling.txt")): error: dangling symbolic link
        solieu: \(scratch.path("pipe.txt")): error: not a regular file (a FIFO); skipped

        """)
        #expect(run.stdout.hasPrefix(#"{"article":"good.txt""#))
    }

    @Test func segmentAndTokenizeSkipThemToo() throws {
        let scratch = try scratchWithSpecials()
        defer { scratch.cleanup() }
        for command in ["segment", "tokenize"] {
            let run = try solieu([command, scratch.path("pipe.txt"), scratch.path("dangling.txt"), scratch.path("good.txt")])
            #expect(run.status == 1)
            #expect(run.stderr == """
            solieu: \(scratch.path("pipe.txt")): error: not a regular file (a FIFO); skipped
            solieu: \(scratch.path("dangling.txt")): error: dangling symbolic link

            """)
            #expect(run.stdout.contains("300"))
        }
    }

    /// A directory that cannot be listed and a file that cannot be opened, for real: as root (who reads everything) the binary is
    /// run as `nobody` through `setpriv`.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs setpriv as root"))
    func unlistableDirectoryIsAnErrorForItOnly() throws {
        let scratch = try Scratch(["a.txt": Array("Có 300 hộ.\n".utf8)])
        defer {
            chmod(scratch.path("locked"), 0o755)
            scratch.cleanup()
        }
        for sub in ["locked", "open"] {
            try FileManager.default.createDirectory(atPath: scratch.path(sub), withIntermediateDirectories: false)
            try Data("Có 5 xã.\n".utf8).write(to: URL(fileURLWithPath: scratch.path(sub + "/b.txt")))
        }
        try Data("Có 9 xã.\n".utf8).write(to: URL(fileURLWithPath: scratch.path("secret.txt")))
        #expect(chmod(scratch.path("locked"), 0) == 0)
        #expect(chmod(scratch.path("secret.txt"), 0) == 0)
        chmod(scratch.dir.path, 0o755)
        let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let run = try solieu(["extract", scratch.path("locked"), scratch.path("open"), scratch.path("secret.txt"), scratch.path("a.txt")], prefix: prefix)
        #expect(run.status == 1)
        #expect(run.stderr == """
        solieu: \(scratch.path("locked")): error: cannot list directory: Permission denied
        solieu: \(scratch.path("secret.txt")): error: cannot open for reading: Permission denied

        """)
        #expect(run.stdout.split(separator: "\n").map { $0.split(separator: ",").first ?? "" }
                == [#"{"article":"b.txt""#, #"{"article":"a.txt""#])
    }

    /// The same through the injectable file system: listing fails, the other inputs go on.
    @Test func expandReportsAnUnlistableDirectory() {
        let fs = FileSystem(
            kind: { $0.hasSuffix(".txt") ? .regular : .directory },
            list: { (path) throws(InputError) -> [String] in
                if path == "locked" { throw InputError(file: path, position: nil, message: "cannot list directory: Permission denied") }
                return path == "empty" ? ["notes.md"] : ["b.txt", "a.txt", "c.md"]
            },
            read: { _ in [] }, readStandardInput: { [] })
        let (paths, problems) = Solieu.Extract.expand(["locked", "/d", "x.txt", "empty", "-"], in: fs)
        #expect(paths == ["/d/a.txt", "/d/b.txt", "x.txt", "-"])
        #expect(problems.map(\.description) == [
            "locked: error: cannot list directory: Permission denied",
            "empty: error: is a directory with no .txt, .html or .jsonl files",
        ])
    }
}
