import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import SharakaApp
import Testing
import Vapor

/// Records what it was asked to send; fails the first `failures` times.
final class RecordingTransport: MailTransport, @unchecked Sendable {
    let sent = NIOLockedValueBox<[String]>([])
    let failures: NIOLockedValueBox<Int>
    init(failures: Int = 0) { self.failures = .init(failures) }

    func send(from: String, to: String, subject: String, body: String) async throws {
        let fail = failures.withLockedValue { f -> Bool in if f > 0 { f -= 1; return true }; return false }
        if fail { throw SendmailTransport.Failure(description: "smtp down") }
        sent.withLockedValue { $0.append(to) }
    }
}

@Suite struct OutboxTests {
    @Test(arguments: Engine.all)
    func deliversOnceAndRetriesWithBackOff(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await Outbox.enqueue(to: "a@example.ma", subject: "s", body: "b", on: app.db)
            let transport = RecordingTransport(failures: 1)
            var delivery = OutboxDelivery(app: app)
            delivery.transportOverride = transport

            // first try fails: the message waits a minute before the next one
            #expect(try await delivery.deliverDue() == 0)
            var message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.status == "pending" && message.attempts == 1 && message.lastError?.contains("smtp down") == true)
            #expect(message.nextAttemptAt > Date().addingTimeInterval(50))
            #expect(try await delivery.deliverDue() == 0)

            // a minute later it goes, once
            #expect(try await delivery.deliverDue(now: Date().addingTimeInterval(120)) == 1)
            #expect(try await delivery.deliverDue(now: Date().addingTimeInterval(240)) == 0)
            message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.status == "sent" && message.sentAt != nil)
            #expect(transport.sent.withLockedValue { $0 } == ["a@example.ma"])
        }
    }

    @Test(arguments: Engine.all)
    func givesUpAfterTheLastAttempt(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await Outbox.enqueue(to: "a@example.ma", subject: "s", body: "b", on: app.db)
            var delivery = OutboxDelivery(app: app)
            delivery.transportOverride = RecordingTransport(failures: 100)
            delivery.schedule = .init(base: 1, cap: 1, maxAttempts: 3)
            for i in 0..<5 { _ = try await delivery.deliverDue(now: Date().addingTimeInterval(Double(i) * 10)) }
            let message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.status == "failed" && message.attempts == 3)
        }
    }

    @Test func sendmailMessageEncodesArabicSubject() {
        let text = SendmailTransport.compose(from: "a@b.ma", to: "c@d.ma", subject: "تأكيد", body: "مرحبا")
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(text.hasSuffix("\r\n\r\nمرحبا"))
    }

    @Test func sendmailTransportReportsFailure() async throws {
        await #expect(throws: SendmailTransport.Failure.self) {
            try await SendmailTransport(path: "/bin/false").send(from: "a@b.ma", to: "c@d.ma", subject: "s", body: "b")
        }
        // a sendmail stand-in that keeps what it was given
        let dir = NSTemporaryDirectory() + "sendmail-\(UUID())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let script = dir + "/sendmail"
        try "#!/bin/sh\necho \"$@\" > \(dir)/args\ncat > \(dir)/message\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try await SendmailTransport(path: script).send(from: "a@b.ma", to: "c@d.ma", subject: "s", body: "نص")
        #expect(try String(contentsOfFile: dir + "/args", encoding: .utf8) == "-i -- c@d.ma\n")
        #expect(try String(contentsOfFile: dir + "/message", encoding: .utf8).hasSuffix("\r\n\r\nنص"))
    }
}
