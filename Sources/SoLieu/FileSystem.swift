import Foundation

public typealias InputError = ArticleReadError

/// What the subcommands need from the file system: what a path is, a directory's entries, a
/// regular file's bytes. `real` uses the POSIX calls; tests substitute failures that cannot be
/// produced for real (a directory that root cannot list).
public struct FileSystem: Sendable {
    public enum Kind: Equatable, Sendable {
        case regular, directory
        /// Anything else (FIFO, socket, device), described for the error message.
        case special(String)
        /// Missing, a dangling symbolic link, or not accessible: the message says which.
        case unavailable(String)
    }

    public var kind: @Sendable (String) -> Kind
    /// The names in a directory (not `.`/`..`), unsorted.
    public var list: @Sendable (String) throws(InputError) -> [String]
    public var read: @Sendable (String) throws(InputError) -> [UInt8]
    public var readStandardInput: @Sendable () throws(InputError) -> [UInt8]

    public init(kind: @escaping @Sendable (String) -> Kind, list: @escaping @Sendable (String) throws(InputError) -> [String],
                read: @escaping @Sendable (String) throws(InputError) -> [UInt8],
                readStandardInput: @escaping @Sendable () throws(InputError) -> [UInt8]) {
        self.kind = kind
        self.list = list
        self.read = read
        self.readStandardInput = readStandardInput
    }

    public static let real = FileSystem(kind: POSIXFiles.kind, list: POSIXFiles.list, read: POSIXFiles.read,
                                 readStandardInput: { () throws(InputError) in try POSIXFiles.readAll(fd: 0, name: "<stdin>", sizeHint: 0) })
}

public enum POSIXFiles {
    public static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    public static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    @Sendable public static func kind(_ path: String) -> FileSystem.Kind {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return .unavailable("dangling symbolic link")
            }
            return .unavailable(code == ENOENT ? "no such file" : "cannot access: \(errorText(code))")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .special(describe(mode: st.st_mode))
        }
    }

    @Sendable public static func list(_ path: String) throws(InputError) -> [String] {
        guard let dir = opendir(path) else {
            throw InputError(file: path, position: nil, message: "cannot list directory: \(errorText(errno))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw InputError(file: path, position: nil, message: "cannot list directory: \(errorText(errno))") }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A regular file's bytes. Checks with `stat` first and opens without blocking, so that a
    /// FIFO (or a file swapped for one) never hangs the run.
    @Sendable public static func read(_ path: String) throws(InputError) -> [UInt8] {
        switch kind(path) {
        case .regular: break
        case .directory: throw InputError(file: path, position: nil, message: "is a directory")
        case .special(let what): throw InputError(file: path, position: nil, message: "not a regular file (\(what)); skipped")
        case .unavailable(let why): throw InputError(file: path, position: nil, message: why)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputError(file: path, position: nil, message: "cannot open for reading: \(errorText(errno))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            throw InputError(file: path, position: nil, message: "not a regular file (\(describe(mode: st.st_mode))); skipped")
        }
        return try readAll(fd: fd, name: path, sizeHint: Int(st.st_size))
    }

    public static func readAll(fd: Int32, name: String, sizeHint: Int) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint + 1, 1 << 16))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBufferPointer { b in Foundation.read(fd, b.baseAddress! + count, b.count - count) }
            if n > 0 { count += n; continue }
            if n == 0 { break }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, -1)
                continue
            }
            throw InputError(file: name, position: nil, message: "cannot read: \(errorText(code))")
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
