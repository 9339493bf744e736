import Foundation
import SharakaCore
import Vapor

/// `sharaka import commitments FILE.csv [--plans PLANS.csv]`.
struct ImportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["commitments": ImportCommitmentsCommand()] }
    var help: String { "Loads data from files." }
}

struct ImportCommitmentsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Commitments CSV (plan,id,title_en,title_fr,title_ar,lead_institution,start,end,policy_area,ogp_values,source_url,summary).")
        var file: String
        @Option(name: "plans", help: "Plans CSV (plan,member,period,source_url), for the plans' periods and adopting members.")
        var plans: String?
        init() {}
    }
    var help: String { "Imports action plans' commitments from CSV: all rows or none; importing the same file again changes nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        let summary = try await Self.importFiles(app, commitments: signature.file, plans: signature.plans)
        context.console.print("plans created: \(summary.plansCreated); commitments created: \(summary.created), updated: \(summary.updated), unchanged: \(summary.unchanged)")
    }

    static func importFiles(_ app: Application, commitments: String, plans: String?) async throws -> CommitmentImporter.Summary {
        func rows(_ path: String) throws -> [[String]] {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw CommandError(message: "\(path): cannot read a UTF-8 file")
            }
            do { return try CSV.parse(text) } catch let e as CSV.ParseError { throw CommandError(message: "\(path), line \(e.line): \(e.message)") }
        }
        switch CommitmentImport.read(commitments: try rows(commitments), plans: try plans.map(rows)) {
        case .failure(let problems):
            throw CommandError(message: "nothing imported:\n" + problems.messages.joined(separator: "\n"))
        case .success(let (plans, rows)):
            return try await CommitmentImporter.run(app, plans: plans, rows: rows)
        }
    }
}
