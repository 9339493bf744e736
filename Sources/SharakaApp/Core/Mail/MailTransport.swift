import Foundation
import Vapor

/// How a message leaves the machine.
protocol MailTransport: Sendable {
    func send(from: String, to: String, subject: String, body: String) async throws
}

/// Pipes an RFC 5322 message into a sendmail-compatible binary (msmtp, sendmail, …).
struct SendmailTransport: MailTransport {
    let path: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    func send(from: String, to: String, subject: String, body: String) async throws {
        let message = Self.compose(from: from, to: to, subject: subject, body: body)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: path)
                    process.arguments = ["-i", "--", to]
                    let input = Pipe()
                    let errors = Pipe()
                    process.standardInput = input
                    process.standardError = errors
                    process.standardOutput = FileHandle.nullDevice
                    // A binary that dies early closes the pipe: get EPIPE as an error, not a fatal SIGPIPE.
                    signal(SIGPIPE, SIG_IGN)
                    try process.run()
                    try? input.fileHandleForWriting.write(contentsOf: Data(message.utf8))
                    try input.fileHandleForWriting.close()
                    process.waitUntilExit()
                    if process.terminationStatus != 0 {
                        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        throw Failure(description: "\(path) exited with \(process.terminationStatus): \(err.prefix(500))")
                    }
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Subject encoded per RFC 2047 because Arabic subjects are the norm here.
    static func compose(from: String, to: String, subject: String, body: String) -> String {
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body,
        ].joined(separator: "\r\n")
    }
}

/// Used when no binary is configured: the whole message, links included, is written to the
/// log and counts as sent, so that a first run without a mail server can still confirm an
/// account (administrators also read it on the outbox page).
struct LogTransport: MailTransport {
    let logger: Logger
    func send(from: String, to: String, subject: String, body: String) async throws {
        logger.notice("mail not sent (SHARAKA_SENDMAIL unset)\nTo: \(to)\nSubject: \(subject)\n\n\(body)\n",
                      metadata: ["to": .string(to), "subject": .string(subject)])
    }
}
