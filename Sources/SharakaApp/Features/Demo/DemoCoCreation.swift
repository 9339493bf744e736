import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Fills the demo process with what co-creation looks like after a month: proposals in
/// Arabic and French, supports, discussion, answers in every state, a workshop held in
/// Oujda with its minutes and one coming up in Nador that is already full.
enum DemoCoCreation {
    /// Deterministic, so every demo database looks the same.
    struct Dice: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let people: [(String, Language)] = [
        ("سعاد بنعلي", .ar), ("Youssef El Idrissi", .fr), ("محمد الزروالي", .ar), ("Fatima Zahra Ouali", .fr),
        ("عبد الرحيم بوزيان", .ar), ("Nadia Berrada", .fr), ("خديجة المرابط", .ar), ("Karim Amrani", .fr),
        ("حسن التازي", .ar), ("Salma Benjelloun", .fr), ("إدريس الحسني", .ar), ("Imane Kaddouri", .fr),
    ]

    static func seed(process: ParticipatoryProcess, council: Organisation, orgs: [Sector: [Organisation]], provinces: [String],
                     official: User, passwordHash: String, on db: any Database) async throws {
        var dice = Dice(state: 2025)
        let now = Date()
        var users: [User] = []
        for (i, (name, lang)) in people.enumerated() {
            let u = User(name: name, email: "participant\(i + 1)@demo.sharaka.ma", passwordHash: passwordHash, language: lang,
                         provinceCode: provinces[i % provinces.count], role: i % 3 == 0 ? .organisationMember : .citizen)
            u.confirmedAt = now
            try await u.create(on: db)
            users.append(u)
        }
        // Every third participant speaks for an association or a company.
        let speaking: [Organisation] = (orgs[.association] ?? []) + (orgs[.company] ?? []) + (orgs[.academiaMedia] ?? [])
        var onBehalf: [UUID: Organisation] = [:]
        for (i, u) in users.enumerated() where i % 3 == 0 && !speaking.isEmpty {
            let org = speaking[(i / 3) % speaking.count]
            try await Membership(userID: u.id!, organisationID: org.id!, role: .member).create(on: db)
            onBehalf[u.id!] = org
        }

        var proposals: [Proposal] = []
        for (i, item) in DemoProposals.all.enumerated() {
            let author = users[i % users.count]
            let p = Proposal()
            p.title = item.title; p.body = item.body; p.language = item.language.rawValue
            p.ogpValue = item.value.rawValue; p.theme = item.theme.rawValue
            p.provinceCode = i % 5 == 4 ? nil : provinces[(i * 3) % provinces.count]
            p.searchText = Proposal.searchText(title: p.title, body: p.body)
            p.$process.id = process.id!; p.$author.id = author.id!; p.$organisation.id = onBehalf[author.id!]?.id
            p.status = ProposalStatus.published.rawValue; p.supportsCount = 0; p.commentsCount = 0
            p.randomKey = Int.random(in: 0..<2_147_483_647, using: &dice)
            try await p.create(on: db)
            // Spread over the last four weeks, as if written day after day.
            p.createdAt = now.addingTimeInterval(-Double(28 * 86_400) + Double(i) * 14 * 3600)
            try await p.save(on: db)
            try await Notifier.follow(author.id!, .proposal, p.id!, on: db)
            proposals.append(p)
        }
        let sql = db as! any SQLDatabase
        for (i, p) in proposals.enumerated() {
            let supporters = users.filter { $0.id != p.$author.id }.shuffled(using: &dice).prefix((i * 7) % 11)
            for s in supporters { try await Support(proposalID: p.id!, userID: s.id!).create(on: db) }
        }
        // Discussion on every third proposal, with a reply.
        for (i, p) in proposals.enumerated() where i % 3 == 0 {
            var parent: Comment?
            for j in 0..<(2 + i % 3) {
                let (_, text, alignment) = DemoProposals.comments[(i + j) % DemoProposals.comments.count]
                let who = users[(i + j + 1) % users.count]
                let c = Comment(target: .proposal, targetID: p.id!, parent: j == 1 ? parent : nil, authorID: who.id!, body: text, alignment: alignment)
                try await c.create(on: db)
                if j == 0 { parent = c }
            }
            try await sql.raw("UPDATE proposals SET comments_count = (SELECT COUNT(*) FROM comments WHERE target_kind = 'proposal' AND target_id = \(bind: p.id!)) WHERE id = \(bind: p.id!)").run()
        }
        // Answers in every state, each with its reasoning.
        let answers: [(AnswerState, String)] = [
            (.acceptedInCommitment, "تُدرج هذه الفكرة في الالتزام الأول لخطة العمل حول الشفافية المالية، مع نشر فصلي للمعطيات."),
            (.accepted, "Proposition retenue : la Région publiera les données demandées sur son portail dès le prochain trimestre."),
            (.partiallyAccepted, "نقبل الشق المتعلق بالنشر، أما إحداث هيئة جديدة فيتجاوز اختصاصات الجهة حاليا."),
            (.rejected, "Cette mesure relève d'une loi nationale ; la Région ne peut pas l'imposer seule. Nous la transmettons au ministère."),
            (.outOfScope, "هذا المقترح يخص قطاع العدل وليس من اختصاص مجلس الجهة، وقد أحلناه على الجهة المختصة."),
            (.underEvaluation, ""),
        ]
        for (i, p) in proposals.enumerated() where i % 2 == 0 {
            let (state, reasoning) = answers[(i / 2) % answers.count]
            let a = ProposalAnswer(proposalID: p.id!, state: state, reasoning: reasoning, by: official.id!, organisationID: council.id!)
            try await a.create(on: db)
            a.createdAt = (p.createdAt ?? now).addingTimeInterval(Double(3 + i % 9) * 86_400)
            try await a.save(on: db)
            try await sql.raw("UPDATE proposals SET answer_state = \(bind: state.rawValue), answered_at = \(bind: state.isDecision ? a.createdAt : nil) WHERE id = \(bind: p.id!)").run()
        }

        // The Oujda workshop, ten days ago, with attendance and minutes.
        let oujda = Meeting()
        oujda.title = LocalizedText([.ar: "ورشة وجدة: الشفافية المالية والمعطيات المفتوحة", .fr: "Atelier d'Oujda : transparence financière et données ouvertes"])
        oujda.description = LocalizedText([.ar: "ورشة لمناقشة مقترحات الشفافية المالية مع الجمعيات والمقاولات والإدارات.",
                                           .fr: "Atelier de discussion des propositions de transparence financière avec associations, entreprises et administrations."])
        oujda.kind = MeetingKind.hybrid.rawValue; oujda.address = "مقر مجلس جهة الشرق، شارع محمد الخامس، وجدة"; oujda.link = "https://meet.demo.sharaka.ma/oujda"
        oujda.startsAt = now.addingTimeInterval(-10 * 86_400); oujda.endsAt = oujda.startsAt.addingTimeInterval(3 * 3600)
        oujda.capacity = 40; oujda.registrationOpen = false; oujda.registrationTerms = ""
        oujda.minutes = "حضر 9 مشاركين يمثلون الجمعيات والمقاولات والإدارات الجهوية.\nاشتغلت المجموعات على ثلاثة محاور: نشر الميزانية، الصفقات العمومية، والمعطيات المفتوحة."
        oujda.decisions = "1. إدماج نشر الميزانية الفصلي في الالتزام الأول.\n2. دراسة نشر الصفقات بصيغة OCDS مع الخزينة الجهوية."
        oujda.minutesAt = now.addingTimeInterval(-8 * 86_400)
        oujda.$process.id = process.id!; oujda.$organiser.id = council.id!
        try await oujda.create(on: db)
        for (i, u) in users.prefix(9).enumerated() {
            let r = MeetingRegistration()
            r.$meeting.id = oujda.id!; r.$user.id = u.id!; r.status = RegistrationStatus.registered.rawValue
            r.code = MeetingRules.code(using: &dice); r.attended = i % 4 != 3
            r.family = onBehalf[u.id!]?.sectorValue.family.rawValue ?? "citizen"; r.$organisation.id = onBehalf[u.id!]?.id
            r.provinceCode = u.provinceCode; r.createdAt = oujda.startsAt.addingTimeInterval(-Double(5 - i % 5) * 86_400)
            try await r.create(on: db)
        }
        for p in [proposals[0], proposals[20]] { try await MeetingProposal(meetingID: oujda.id!, proposalID: p.id!).create(on: db) }

        // The Nador workshop in three weeks: five places, already full, two waiting.
        let nador = Meeting()
        nador.title = LocalizedText([.ar: "ورشة الناظور: الخدمات العمومية الرقمية", .fr: "Atelier de Nador : services publics numériques"])
        nador.description = LocalizedText([.ar: "ورشة حول رقمنة الخدمات وتتبع الشكايات.", .fr: "Atelier sur la numérisation des services et le suivi des réclamations."])
        nador.kind = MeetingKind.inPerson.rawValue; nador.address = "Maison de la culture, Nador"; nador.link = ""
        nador.startsAt = now.addingTimeInterval(21 * 86_400); nador.endsAt = nador.startsAt.addingTimeInterval(3 * 3600)
        nador.capacity = 5; nador.registrationOpen = true
        nador.registrationTerms = "J'accepte que mon nom et mon organisation figurent dans la liste des participants publiée avec le compte rendu."
        nador.minutes = ""; nador.decisions = ""
        nador.$process.id = process.id!; nador.$organiser.id = council.id!
        try await nador.create(on: db)
        for (i, u) in users.suffix(7).enumerated() {
            let r = MeetingRegistration()
            r.$meeting.id = nador.id!; r.$user.id = u.id!; r.status = (i < 5 ? RegistrationStatus.registered : .waiting).rawValue
            r.code = MeetingRules.code(using: &dice); r.attended = false
            r.family = onBehalf[u.id!]?.sectorValue.family.rawValue ?? "citizen"; r.$organisation.id = onBehalf[u.id!]?.id
            r.provinceCode = u.provinceCode; r.createdAt = now.addingTimeInterval(-Double(7 - i) * 3600)
            try await r.create(on: db)
        }
        try await SearchIndex.rebuild(on: db)
    }
}
