import Fluent
import Foundation
import SharakaCore
import SQLKit
import Vapor

/// The bulk writers behind `sharaka bench-seed`. Rows are built in memory from fixed
/// patterns (no randomness beyond ids and random keys) and written with `BulkInsert`;
/// the search index gets the same documents `SearchIndex.put` would write.
final class BenchSeed: @unchecked Sendable {
    let app: Application
    let scale: BenchScale
    let process: UUID
    let provinces: [String]
    let organisations: [UUID]
    let official: UUID
    let now = Date()
    let passwordHash: String
    private(set) var userIDs: [UUID] = []
    private(set) var proposalIDs: [UUID] = []
    private(set) var supportRows = 0
    /// The proposal with the 60-comment thread and the one with 500.
    var proposal60: UUID { proposalIDs[scale.proposals / 2] }
    var proposal500: UUID { proposalIDs[scale.proposals / 2 + 1] }

    init(app: Application, scale: BenchScale) async throws {
        self.app = app
        self.scale = scale
        guard let process = try await ParticipatoryProcess.query(on: app.db).sort(\.$createdAt).first() else { throw CommandError(message: "no process") }
        self.process = process.id!
        provinces = try await Province.query(on: app.db).sort(\.$code).all().map(\.code)
        organisations = try await Organisation.query(on: app.db).sort(\.$createdAt).all().compactMap(\.id)
        guard let official = try await User.query(on: app.db).filter(\.$role == Role.official.rawValue).first() else { throw CommandError(message: "no official") }
        self.official = official.id!
        passwordHash = try await app.password.async.hash(DemoPassword.make() + DemoPassword.make()).get()
    }

    private func inTransaction(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await app.db.transaction { db in try await body(db as! any SQLDatabase) }
    }

    private static let userColumns = ["id", "created_at", "name", "email", "password_hash", "preferred_language", "province_code", "role", "confirmed_at", "email_notifications"]
    private static let arabicNames = ["سعاد", "محمد", "فاطمة", "يوسف", "خديجة", "عمر", "نادية", "كريم"]
    private static let familyNames = ["بنعلي", "الإدريسي", "Berrada", "Ouali", "الزياني", "Haddaoui", "المرابط", "Chraibi"]

    func users() async throws {
        userIDs = (0..<scale.users).map { _ in UUID() }
        let ids = userIDs, provinces = provinces, hash = passwordHash, now = now
        try await inTransaction { sql in
            var rows = BulkInsert(sql, into: User.schema, columns: Self.userColumns)
            for (i, id) in ids.enumerated() {
                let name = "\(Self.arabicNames[i % 8]) \(Self.familyNames[(i / 8) % 8]) \(i)"
                try await rows.add([id, now, name, "bench\(i)@bench.sharaka.ma", hash, i % 3 == 0 ? "fr" : "ar", provinces[i % provinces.count],
                                    "citizen", now, "none"])
            }
            try await rows.flush()
        }
    }

    private static let arabicTopics = ["تحسين الشفافية في الصفقات العمومية", "نشر ميزانية الجماعة بصيغة مفتوحة", "إشراك الشباب في تتبع المشاريع",
                                       "تسهيل الحصول على المعلومات", "رقمنة شكايات المرتفقين", "تتبع أشغال الطرق القروية"]
    private static let frenchTopics = ["la transparence des marchés publics", "le budget communal en données ouvertes", "la participation des jeunes au suivi",
                                       "l'accès à l'information", "les réclamations des usagers en ligne", "le suivi des routes rurales"]

    /// Comments per proposal: 60 and 500 on the two benchmark proposals, the rest in
    /// threads of 20 on as many proposals as they fill.
    private func commentPlan() -> [Int] {
        var counts = [Int](repeating: 0, count: scale.proposals)
        counts[scale.proposals / 2] = 60
        counts[scale.proposals / 2 + 1] = 500
        // The two benchmark threads keep exactly 60 and 500; past one round the others grow.
        let others = (0..<scale.proposals).filter { counts[$0] == 0 }
        var left = scale.comments - 560, i = 0
        while left > 0 {
            let n = min(20, left)
            counts[others[i % others.count]] += n
            left -= n
            i += 1
        }
        return counts
    }

    func proposalsAndComments() async throws {
        proposalIDs = (0..<scale.proposals).map { _ in UUID() }
        let counts = commentPlan()
        let ids = proposalIDs, users = userIDs, provinces = provinces, process = process, now = now, n = scale.proposals
        let perProposal = supportsPerProposal
        let values = OGPValue.allCases.map(\.rawValue), themes = ProposalTheme.allCases.map(\.rawValue)
        try await inTransaction { sql in
            var rows = BulkInsert(sql, into: Proposal.schema, columns: ["id", "created_at", "updated_at", "process_id", "author_id", "title", "body", "language",
                                                                         "ogp_value", "theme", "province_code", "status", "supports_count", "comments_count",
                                                                         "random_key", "search_text"])
            var docs = Self.searchRows(sql)
            for (i, id) in ids.enumerated() {
                let ar = i % 2 == 0
                let title = ar ? "مقترح رقم \(i): \(Self.arabicTopics[i % 6])" : "Proposition n° \(i) : \(Self.frenchTopics[i % 6])"
                let body = ar ? "نص المقترح رقم \(i) يصف المشكل الذي يعيشه السكان والحل المقترح وطريقة تتبعه بتفصيل كاف، مع \(Self.arabicTopics[(i + 1) % 6])."
                              : "Texte de la proposition \(i), qui décrit le problème vécu par les habitants, la solution et son suivi, avec \(Self.frenchTopics[(i + 1) % 6])."
                let created = now.addingTimeInterval(-Double(n - i) * 60)
                try await rows.add([id, created, created, process, users[i % users.count], title, body, ar ? "ar" : "fr",
                                    values[i % values.count], themes[i % themes.count], provinces[i % provinces.count], "published",
                                    perProposal, counts[i], Int.random(in: 0..<2_147_483_647), Proposal.searchText(title: title, body: body)])
                let lang: Language = ar ? .ar : .fr
                try await Self.addDocument(&docs, kind: .proposal, id: id, process: process, title: LocalizedText([lang: title]),
                                           body: LocalizedText([lang: body]), created: created)
            }
            try await rows.flush()
            try await docs.flush()
        }
        try await inTransaction { sql in
            var rows = BulkInsert(sql, into: Comment.schema, columns: ["id", "created_at", "target_kind", "target_id", "parent_id", "depth", "author_id",
                                                                        "body", "alignment", "up_votes", "down_votes"])
            var docs = Self.searchRows(sql)
            let alignments = CommentAlignment.allCases.map(\.rawValue)
            for (i, proposal) in ids.enumerated() where counts[i] > 0 {
                let ar = i % 2 == 0
                let title = LocalizedText([ar ? .ar : .fr: ar ? "مقترح رقم \(i): \(Self.arabicTopics[i % 6])" : "Proposition n° \(i) : \(Self.frenchTopics[i % 6])"])
                // Threads of four: a comment, a reply, a reply to the reply, a second reply.
                var root: UUID?, reply: UUID?
                for j in 0..<counts[i] {
                    let id = UUID()
                    let (parent, depth): (UUID?, Int) = switch j % 4 { case 0: (nil, 0); case 1: (root, 1); case 2: (reply, 2); default: (root, 1) }
                    if j % 4 == 0 { root = id } else if j % 4 == 1 { reply = id }
                    let body = (j + i) % 3 == 0
                        ? "Commentaire \(j) : je soutiens l'idée, mais il faut un calendrier précis et un budget publié pour \(Self.frenchTopics[j % 6])."
                        : "تعليق رقم \(j): الفكرة مفيدة وتحتاج إلى جدول زمني واضح وميزانية منشورة من أجل \(Self.arabicTopics[j % 6])."
                    let created = now.addingTimeInterval(-Double(counts[i] - j) * 90)
                    try await rows.add([id, created, "proposal", proposal, parent, depth, users[(i * 7 + j * 13 + 1) % users.count],
                                        body, alignments[(i + j) % alignments.count], (i + j) % 9, (i * j) % 4])
                    try await Self.addDocument(&docs, kind: .comment, id: id, parent: proposal, process: process, title: title, body: LocalizedText([.ar: body]), created: created)
                }
            }
            try await rows.flush()
            try await docs.flush()
        }
    }

    var supportsPerProposal: Int { max(1, scale.supports / scale.proposals) }

    /// Proposal i is supported by the next `per` accounts in a ring: distinct pairs by construction.
    func supports() async throws {
        let per = supportsPerProposal
        let ids = proposalIDs, users = userIDs, now = now
        // The counters are written with the proposals; the per-row trigger would update each
        // proposal fifty times over.
        try await inTransaction { sql in
            try await SupportCounter.dropTriggers(sql)
            var rows = BulkInsert(sql, into: Support.schema, columns: ["id", "proposal_id", "user_id", "created_at"])
            for (i, p) in ids.enumerated() {
                for j in 0..<per { try await rows.add([UUID(), p, users[(i + j) % users.count], now]) }
            }
            try await rows.flush()
            try await SupportCounter.createTriggers(sql)
        }
        supportRows = per * scale.proposals
    }

    /// Workshops through 2026 and 2027, 40 registrations each: 35 places, 5 on the waiting list.
    func workshops() async throws -> UUID {
        let ids = (0..<scale.workshops).map { _ in UUID() }
        let users = userIDs, orgs = organisations, process = process, now = now, provinces = provinces
        try await inTransaction { sql in
            var rows = BulkInsert(sql, into: Meeting.schema, columns: ["id", "created_at", "title", "description", "kind", "address", "link", "starts_at", "ends_at",
                                                                        "capacity", "registration_open", "registration_terms", "minutes", "decisions",
                                                                        "process_id", "organiser_id"])
            var docs = Self.searchRows(sql)
            var regs = BulkInsert(sql, into: MeetingRegistration.schema, columns: ["id", "created_at", "status", "code", "attended", "family", "province_code",
                                                                                    "meeting_id", "user_id"])
            for (m, id) in ids.enumerated() {
                let province = provinces[m % provinces.count]
                let title = LocalizedText([.ar: "ورشة تشاركية رقم \(m) حول \(Self.arabicTopics[m % 6])", .fr: "Atelier participatif n° \(m) sur \(Self.frenchTopics[m % 6])"])
                let description = LocalizedText([.ar: "ورشة مفتوحة للمواطنين والجمعيات لمناقشة \(Self.arabicTopics[m % 6]) واقتراح حلول عملية.",
                                                 .fr: "Atelier ouvert aux citoyens et aux associations pour discuter de \(Self.frenchTopics[m % 6])."])
                let starts = Date(timeIntervalSince1970: 1_767_600_000 + Double(m) * 86_400 * 1.4) // from January 2026, every 1.4 days
                try await rows.add([id, now, title, description, MeetingKind.inPerson.rawValue, "Maison de la culture, \(province)", "", starts,
                                    starts.addingTimeInterval(7_200), 35, true, "", "", "", process, orgs[m % orgs.count]])
                try await Self.addDocument(&docs, kind: .meeting, id: id, process: process, title: title, body: description, created: now)
            }
            // The registrations after every workshop is written: they refer to them.
            try await rows.flush()
            try await docs.flush()
            for (m, id) in ids.enumerated() {
                for r in 0..<40 {
                    let user = (m * 40 + r) % users.count
                    try await regs.add([UUID(), now.addingTimeInterval(Double(r)), r < 35 ? RegistrationStatus.registered.rawValue : RegistrationStatus.waiting.rawValue,
                                        String(format: "B%05d%02d", m, r), false, "citizen", provinces[user % provinces.count], id, users[user]])
                }
            }
            try await regs.flush()
        }
        return ids[0]
    }

    /// An adopted plan in implementation: 12 commitments, 80 milestones (seven each, eight
    /// for the first four), 2,000 progress reports (25 per milestone).
    func plan() async throws -> (UUID, UUID) {
        let orgs = organisations, official = official, now = now
        let (planID, commitments, milestones) = try await app.db.transaction { db -> (UUID, [UUID], [(UUID, UUID)]) in
            let plan = ActionPlan()
            plan.title = LocalizedText([.ar: "خطة عمل الحكومة المنفتحة 2026-2028 (بيانات القياس)", .fr: "Plan d'action de gouvernement ouvert 2026-2028 (données de mesure)"])
            plan.description = LocalizedText([.fr: "Plan chargé pour les mesures de performance.", .ar: "خطة محملة لقياس الأداء."])
            plan.periodStart = 2026; plan.periodEnd = 2028; plan.status = PlanStatus.implementation.rawValue; plan.revision = 0
            plan.member = "Oriental, Morocco"; plan.sourceURL = ""; plan.$adoptingBody.id = orgs[0]; plan.adoptedAt = now
            try await plan.create(on: db)
            var commitmentIDs: [UUID] = [], milestoneIDs: [(UUID, UUID)] = []
            for n in 0..<12 {
                let c = Commitment()
                c.reference = "BENCH\(String(format: "%02d", n + 1))"; c.position = n + 1
                c.title = LocalizedText([.ar: "الالتزام \(n + 1): \(Self.arabicTopics[n % 6])", .fr: "Engagement \(n + 1) : \(Self.frenchTopics[n % 6])"])
                c.problem = LocalizedText([.fr: "Les habitants ne peuvent pas suivre \(Self.frenchTopics[n % 6])."]); c.causes = LocalizedText()
                c.solution = LocalizedText([.fr: "Publier les données et rendre compte chaque trimestre."]); c.changes = LocalizedText()
                c.ogpValues = OGPValue.allCases[n % OGPValue.allCases.count].rawValue; c.theme = ProposalTheme.allCases[n % ProposalTheme.allCases.count].rawValue
                c.leadBody = "Conseil régional"; c.$leadOrganisation.id = orgs[0]
                c.supportingActors = SupportingActors(actors: [.init(kind: "civil_society", name: "Association Oujda Transparence")])
                c.provinces = ProvinceCodes(codes: []); c.startsOn = "2026-01-01"; c.endsOn = "2028-06-30"
                c.budgetCentimes = Int64(1_000_000_00 + n * 250_000_00); c.contact = "ogp@demo.sharaka.ma"; c.completion = 0; c.$plan.id = plan.id!
                try await c.create(on: db)
                commitmentIDs.append(c.id!)
                for i in 0..<(n < 4 ? 8 : 6) {
                    let ms = Milestone()
                    ms.position = i + 1; ms.title = LocalizedText([.fr: "Jalon \(i + 1) de l'engagement \(n + 1)", .ar: "المرحلة \(i + 1) من الالتزام \(n + 1)"])
                    ms.deliverable = LocalizedText(); ms.responsibleBody = c.leadBody; ms.$responsibleOrganisation.id = orgs[0]
                    ms.startsOn = "2026-\(String(format: "%02d", i + 1))-01"; ms.endsOn = "2027-\(String(format: "%02d", i + 3))-28"; ms.weight = 1 + i % 3
                    let status: MilestoneStatus = i < 2 ? .completed : i < 5 ? .inProgress : .notStarted
                    ms.status = status.rawValue; ms.percent = status == .completed ? 100 : status == .inProgress ? 40 : 0; ms.cancelReason = ""; ms.$commitment.id = c.id!
                    try await ms.create(on: db)
                    milestoneIDs.append((ms.id!, c.id!))
                }
            }
            _ = try await PlanSnapshot.recordRevision(plan, reason: "Adoption (données de mesure)", by: nil, on: db)
            return (plan.id!, commitmentIDs, milestoneIDs)
        }
        // 80 milestones: the first four commitments have eight, the rest six → 32 + 48.
        precondition(milestones.count == 80)
        let ms = milestones
        try await inTransaction { sql in
            var rows = BulkInsert(sql, into: ProgressUpdate.schema, columns: ["id", "created_at", "reported_on", "text", "percent", "status_before", "status_after",
                                                                               "commitment_completion", "milestone_id", "commitment_id", "author_id"])
            for (k, (milestone, commitment)) in ms.enumerated() {
                for r in 0..<25 {
                    let day = Day(iso: "2026-01-05")!.adding(days: r * 12 + k % 7)
                    try await rows.add([UUID(), now.addingTimeInterval(Double(r - 25) * 86_400), day.iso,
                                        "Rapport \(r + 1) : ateliers tenus, données publiées, prochaine étape présentée au comité de suivi. تقرير التقدم رقم \(r + 1).",
                                        min(100, 4 * (r + 1)), r == 0 ? "not_started" : "in_progress", "in_progress", min(100, 2 * (r + 1)), milestone, commitment, official])
                }
            }
            try await rows.flush()
            try await sql.raw("UPDATE commitments SET completion = 45 WHERE plan_id = \(bind: planID)").run()
        }
        return (planID, commitments[0])
    }

    /// Fresh accounts, each with a personal API token, none of which has supported anything.
    func tokens(_ n: Int) async throws -> [String] {
        let hash = passwordHash, now = now
        return try await app.db.transaction { db in
            var clear: [String] = []
            for i in 0..<n {
                let user = User()
                user.id = UUID(); user.name = "Load \(i)"; user.email = "load\(i)@bench.sharaka.ma"; user.passwordHash = hash
                user.preferredLanguage = "ar"; user.role = Role.citizen.rawValue; user.confirmedAt = now; user.emailNotifications = "none"
                try await user.create(on: db)
                let token = APIToken.newClear()
                try await APIToken(userID: user.id!, name: "bench", clear: token).create(on: db)
                clear.append(token)
            }
            return clear
        }
    }

    // MARK: search index

    private static func searchRows(_ sql: any SQLDatabase) -> BulkInsert {
        BulkInsert(sql, into: "search_documents", columns: ["kind", "target_id", "parent_kind", "parent_id", "process_id", "title", "body", "terms", "created_at"])
    }

    private static let encoder = JSONEncoder()

    private static func addDocument(_ docs: inout BulkInsert, kind: SearchKind, id: UUID, parent: UUID? = nil, process: UUID,
                                    title: LocalizedText, body: LocalizedText, created: Date) async throws {
        let texts = (kind == .comment ? [] : Array(title.values.values)) + Array(body.values.values)
        try await docs.add([kind.rawValue, id, parent == nil ? nil : SearchKind.proposal.rawValue, parent, process,
                            String(decoding: try encoder.encode(title), as: UTF8.self), String(decoding: try encoder.encode(body), as: UTF8.self),
                            SearchText.indexTerms(texts), created])
    }
}
