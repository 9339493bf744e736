import Fluent
import SharakaCore
import Vapor

/// `sharaka audit verify`: recomputes the audit log's hash chain and names the first
/// broken link. Exits non-zero when the chain is broken, so that a cron job can alert.
struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
    var help: String { "The tamper-evident audit log." }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Recomputes the audit log's hash chain and reports the first broken link." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (checked, firstBreak) = try await AuditLog.verify(on: context.application.db)
        guard let firstBreak else {
            context.console.print("audit log intact: \(checked) entries verified")
            return
        }
        let message = switch firstBreak {
        case .alteredEntry(let n): "entry \(n) was altered: its content no longer matches its hash"
        case .brokenLink(let n): "entry \(n) does not follow the entry before it (an earlier entry was rewritten)"
        case .gap(let n): "an entry is missing or repeated before entry \(n)"
        }
        throw CommandError(message: "audit log broken: \(message)")
    }
}
