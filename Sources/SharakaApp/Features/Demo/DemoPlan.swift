import Fluent
import SharakaCore
import Vapor

/// The demo region's action plan 2025–2027: ten commitments on the themes of the
/// region's co-creation (financial transparency, accountability and monitoring,
/// civil-society participation, digital platforms for information, digital public
/// services, access to justice), milestones in every state, progress with evidence,
/// and the audit entries that record it. The real confirmed commitment MAORT0002 is
/// added by importing Resources/data/ogp afterwards (the plan's OGP name matches).
enum DemoPlan {
    static let ogpName = "Oriental OGP Local 2025-2027"

    struct Item {
        let ref: String, ar: String, fr: String, theme: ProposalTheme, values: [OGPValue], budget: Int64?
        let problem: String, solution: String, partners: [(CommitmentActor, String)]
        /// (title, start, end, weight, status, percent)
        let milestones: [(String, String, String, Int, MilestoneStatus, Int)]
    }

    static let items: [Item] = [
        Item(ref: "OR-2025-01", ar: "نشر الميزانية الجهوية وتنفيذها في صيغة بيانات مفتوحة", fr: "Publier le budget régional et son exécution en données ouvertes",
             theme: .fiscalTransparency, values: [.accessToInformation, .publicAccountability], budget: 120_000_000,
             problem: "Le budget régional n'est publié qu'en PDF, une fois par an, sans données d'exécution.",
             solution: "Publier chaque trimestre le budget et son exécution (CSV et API), avec une version citoyenne en arabe et en français.",
             partners: [(.civilSociety, "Réseau des associations de l'Oriental pour la transparence"), (.government, "Trésorerie régionale")],
             milestones: [("Inventaire des données budgétaires", "2025-04-01", "2025-09-30", 1, .completed, 100),
                          ("Première publication trimestrielle", "2025-10-01", "2026-03-31", 2, .completed, 100),
                          ("Budget citoyen bilingue", "2026-01-01", "2026-06-30", 1, .inProgress, 60),
                          ("API publique de l'exécution budgétaire", "2026-07-01", "2027-06-30", 2, .notStarted, 0)]),
        Item(ref: "OR-2025-02", ar: "تتبع المشاريع الجهوية من طرف المواطنين", fr: "Suivi citoyen des projets régionaux",
             theme: .antiCorruption, values: [.publicAccountability, .civicParticipation], budget: 45_000_050,
             problem: "Les citoyens ne savent pas où en sont les chantiers financés par la Région.",
             solution: "Une carte des projets avec avancement, coûts et photos, et des visites de terrain avec les associations.",
             partners: [(.civilSociety, "Association Oujda Transparence"), (.privateSector, "Ordre des architectes de l'Oriental")],
             milestones: [("Carte des projets en ligne", "2025-06-01", "2026-06-30", 2, .inProgress, 70),
                          ("Visites de terrain trimestrielles", "2025-09-01", "2027-06-30", 1, .inProgress, 40)]),
        Item(ref: "OR-2025-03", ar: "هيئة المساواة وتكافؤ الفرص ومقاربة النوع: إشراك المجتمع المدني", fr: "Instance de l'équité et de l'égalité des chances : participation de la société civile",
             theme: .publicServices, values: [.civicParticipation], budget: 8_000_000,
             problem: "L'instance consultative se réunit peu et ses avis ne sont pas publiés.",
             solution: "Calendrier public des réunions, avis publiés, réponse motivée du Conseil à chaque avis.",
             partners: [(.civilSociety, "Collectif des associations féminines de l'Oriental")],
             milestones: [("Règlement intérieur publié", "2025-04-01", "2025-07-31", 1, .completed, 100),
                          ("Publication des avis et réponses", "2025-09-01", "2026-12-31", 2, .inProgress, 50)]),
        Item(ref: "OR-2025-04", ar: "بوابة جهوية للحصول على المعلومات", fr: "Portail régional d'accès à l'information",
             theme: .openData, values: [.accessToInformation, .technologyInnovation], budget: 60_000_000,
             problem: "Les demandes d'information (loi 31-13) se font sur papier et les délais ne sont pas suivis.",
             solution: "Un portail de demandes en ligne avec suivi des délais légaux et publication des réponses.",
             partners: [(.government, "Commission du droit d'accès à l'information"), (.privateSector, "Cluster numérique de l'Oriental")],
             milestones: [("Cahier des charges", "2025-05-01", "2025-10-31", 1, .completed, 100),
                          ("Mise en ligne du portail", "2025-11-01", "2026-06-30", 3, .inProgress, 55),
                          ("Formation des chargés d'information", "2026-01-01", "2026-09-30", 1, .notStarted, 0)]),
        Item(ref: "OR-2025-05", ar: "رقمنة الخدمات العمومية الجهوية", fr: "Dématérialisation des services publics régionaux",
             theme: .publicServices, values: [.technologyInnovation], budget: 95_000_000,
             problem: "Les démarches auprès de la Région imposent des déplacements à Oujda.",
             solution: "Démarches en ligne pour les subventions aux associations et les autorisations, avec accompagnement en commune.",
             partners: [(.government, "Agence de développement du digital"), (.privateSector, "Incubateur universitaire UMP")],
             milestones: [("Subventions aux associations en ligne", "2025-06-01", "2026-03-31", 2, .completed, 100),
                          ("Autorisations en ligne", "2026-01-01", "2026-12-31", 2, .inProgress, 35),
                          ("Guichet mobile dans les communes rurales", "2025-09-01", "2026-02-28", 1, .cancelled, 20)]),
        Item(ref: "OR-2025-06", ar: "تقريب العدالة: مساعدة قانونية ورقمية", fr: "Rapprocher la justice : aide juridique et numérique",
             theme: .accessToJustice, values: [.accessToInformation, .civicParticipation], budget: 15_000_000,
             problem: "Dans les provinces éloignées, l'information juridique de base manque.",
             solution: "Permanences juridiques itinérantes avec le barreau et fiches pratiques en arabe, amazighe et français.",
             partners: [(.civilSociety, "Barreau d'Oujda"), (.government, "Cour d'appel d'Oujda")],
             milestones: [("Fiches pratiques trilingues", "2025-09-01", "2026-03-31", 1, .completed, 100),
                          ("Permanences itinérantes dans 4 provinces", "2026-01-01", "2026-06-30", 2, .inProgress, 30)]),
        Item(ref: "OR-2025-07", ar: "إشراك الشباب في إعداد السياسات الجهوية", fr: "Associer les jeunes aux politiques régionales",
             theme: .publicServices, values: [.civicParticipation], budget: 6_500_000,
             problem: "Les jeunes participent peu aux consultations régionales.",
             solution: "Un conseil régional des jeunes et des consultations en ligne dans les lycées et universités.",
             partners: [(.civilSociety, "Maisons de jeunes de l'Oriental"), (.other, "Université Mohammed Premier")],
             milestones: [("Installation du conseil des jeunes", "2025-10-01", "2026-02-28", 1, .completed, 100),
                          ("Deux consultations par an", "2026-03-01", "2027-06-30", 2, .notStarted, 0)]),
        Item(ref: "OR-2025-08", ar: "الصفقات العمومية الجهوية في صيغة مفتوحة", fr: "Marchés publics régionaux en données ouvertes (OCDS)",
             theme: .antiCorruption, values: [.publicAccountability, .accessToInformation], budget: 30_000_000,
             problem: "Les attributions de marchés ne sont consultables qu'au cas par cas.",
             solution: "Publier tous les marchés selon le standard OCDS, des appels d'offres aux paiements.",
             partners: [(.civilSociety, "Transparency Maroc"), (.privateSector, "Fédération des entreprises de l'Oriental")],
             milestones: [("Publication OCDS des appels d'offres", "2025-07-01", "2026-06-30", 2, .inProgress, 45),
                          ("Publication des contrats et paiements", "2026-07-01", "2027-06-30", 2, .notStarted, 0)]),
        Item(ref: "OR-2025-09", ar: "البيئة والماء: معطيات مفتوحة وتتبع تشاركي", fr: "Environnement et eau : données ouvertes et suivi participatif",
             theme: .environment, values: [.accessToInformation, .civicParticipation], budget: nil,
             problem: "Les données sur la qualité de l'eau et les nappes ne sont pas publiques.",
             solution: "Publier les mesures et associer les associations locales au suivi des points d'eau.",
             partners: [(.government, "Agence du bassin hydraulique de la Moulouya")],
             milestones: [("Accord de partage des données", "2025-09-01", "2026-03-31", 1, .inProgress, 80),
                          ("Tableau de bord public", "2026-04-01", "2026-12-31", 2, .notStarted, 0)]),
    ]

    static func seed(council: Organisation, official: User, reviewer: User, process: ParticipatoryProcess, app: Application, on db: any Database) async throws {
        let plan = ActionPlan()
        plan.title = LocalizedText([.ar: "خطة عمل الحكومة المنفتحة لجهة الشرق 2025-2027", .fr: "Plan d'action de gouvernement ouvert de la Région de l'Oriental 2025-2027",
                                    .en: "Oriental Region open-government action plan 2025–2027", .zgh: "ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵏⴱⴰⴹⵜ ⵢⴰⵔⵣⵎⵏ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ 2025-2027"])
        plan.description = LocalizedText([.fr: "Plan co-construit avec les citoyens, la société civile et le secteur privé (OGP Local).",
                                          .ar: "خطة أعدت بشراكة مع المواطنين والمجتمع المدني والقطاع الخاص (الشراكة من أجل الحكومة المنفتحة المحلية)."])
        plan.periodStart = 2025; plan.periodEnd = 2027; plan.status = PlanStatus.implementation.rawValue; plan.revision = 0
        plan.member = ogpName; plan.sourceURL = "https://www.opengovpartnership.org/members/oriental-morocco/"
        plan.$adoptingBody.id = council.id!; plan.$process.id = process.id!; plan.adoptedAt = Date(timeIntervalSince1970: 1_743_465_600) // 2025-04-01
        try await plan.create(on: db)
        let accepted = try await Proposal.query(on: db).filter(\.$process.$id == process.id!)
            .filter(\.$answerState ~~ [AnswerState.acceptedInCommitment.rawValue, AnswerState.accepted.rawValue, AnswerState.partiallyAccepted.rawValue]).all()
        let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Demo evidence: rapport d'avancement (données de démonstration)\n%%EOF\n".utf8)
        let evidence = try await app.fileStore.store(pdf, originalName: "rapport-avancement-demo.pdf", allowed: [.pdf], maxBytes: 1_000_000, on: db)
        let actor = official.id!.uuidString
        for (n, item) in items.enumerated() {
            let c = Commitment()
            c.reference = item.ref; c.position = n + 1
            c.title = LocalizedText([.ar: item.ar, .fr: item.fr]); c.problem = LocalizedText([.fr: item.problem]); c.causes = LocalizedText()
            c.solution = LocalizedText([.fr: item.solution]); c.changes = LocalizedText()
            c.ogpValues = item.values.map(\.rawValue).joined(separator: ","); c.theme = item.theme.rawValue
            c.leadBody = council.name.resolve(for: .fr)?.text ?? "Conseil régional"; c.$leadOrganisation.id = council.id!
            c.supportingActors = SupportingActors(actors: item.partners.map { .init(kind: $0.0.rawValue, name: $0.1) })
            c.provinces = ProvinceCodes(codes: []); c.startsOn = item.milestones.map(\.1).min()!; c.endsOn = item.milestones.map(\.2).max()!
            c.budgetCentimes = item.budget; c.contact = "ogp@demo.sharaka.ma"; c.completion = 0; c.$plan.id = plan.id!
            try await c.create(on: db)
            try await AuditLog.append(.init(action: "create", objectKind: "commitment", objectID: c.id!, scope: c.id!, before: [:],
                                            after: PlanSnapshot.dict(PlanSnapshot.fields(c))), actor: actor, on: db)
            if n < accepted.count { try await CommitmentProposal(commitmentID: c.id!, proposalID: accepted[n].id!).create(on: db) }
            var milestones: [Milestone] = []
            for (i, m) in item.milestones.enumerated() {
                let ms = Milestone()
                ms.position = i + 1; ms.title = LocalizedText([.fr: m.0]); ms.deliverable = LocalizedText(); ms.responsibleBody = c.leadBody
                ms.$responsibleOrganisation.id = council.id!; ms.startsOn = m.1; ms.endsOn = m.2; ms.weight = m.3
                ms.status = MilestoneStatus.notStarted.rawValue; ms.percent = 0; ms.cancelReason = ""; ms.$commitment.id = c.id!
                try await ms.create(on: db)
                milestones.append(ms)
            }
            // Progress, in date order, as the officials reported it.
            for (i, m) in item.milestones.enumerated() where m.4 != .notStarted {
                let ms = milestones[i]
                let before = ms.reported.fields
                ms.status = m.4.rawValue; ms.percent = m.4 == .completed ? 100 : m.5
                if m.4 == .cancelled { ms.cancelReason = "Remplacé par l'accompagnement dans les maisons de services des communes." }
                try await ms.save(on: db)
                c.completion = Completion.percent(milestones.map(\.facts))
                try await c.save(on: db)
                let u = ProgressUpdate()
                u.createdAt = Date(); u.reportedOn = min(Day(iso: m.2)!, Day(Date())).iso
                u.text = m.4 == .completed ? "Jalon achevé : livrable publié et validé en réunion de suivi avec les partenaires."
                    : m.4 == .cancelled ? "Jalon annulé après concertation avec les partenaires." : "Travaux en cours ; prochaine étape présentée au comité de suivi."
                u.percent = ms.percent; u.statusBefore = MilestoneStatus.notStarted.rawValue; u.statusAfter = ms.status
                u.commitmentCompletion = c.completion; u.$milestone.id = ms.id!; u.$commitment.id = c.id!; u.$author.id = official.id!
                try await u.create(on: db)
                if m.4 == .completed {
                    let e = ProgressEvidence(); e.$update.id = u.id!; e.name = "rapport-avancement-demo.pdf"; e.fileSHA256 = evidence.id!; e.url = ""
                    try await e.create(on: db)
                }
                var after = ms.reported.fields; after["report"] = u.text
                try await AuditLog.append(.init(action: "progress", objectKind: "milestone", objectID: ms.id!, scope: c.id!, before: before, after: after), actor: actor, on: db)
            }
        }
        _ = try await PlanSnapshot.recordRevision(plan, reason: "Adoption du plan par le Conseil régional (données de démonstration)", by: official, on: db)
        try await publishAssessment(plan: plan, reviewer: reviewer, on: db)
    }

    /// A mid-term independent report on three commitments, as the IRM would write it.
    private static func publishAssessment(plan: ActionPlan, reviewer: User, on db: any Database) async throws {
        let report = AssessmentReport()
        report.title = "Rapport d'évaluation à mi-parcours 2026 (démonstration)"; report.publishedAt = Date()
        report.$plan.id = plan.id!; report.$reviewer.id = reviewer.id!
        try await report.create(on: db)
        let rows: [(String, PotentialImpact, DidItOpenGovernment, String)] = [
            ("OR-2025-01", .moderate, .major, "Les données budgétaires trimestrielles sont publiées et réutilisées par deux associations ; le budget citoyen reste à finaliser."),
            ("OR-2025-04", .transformative, .marginal, "Le portail de demandes d'information est en test ; les délais légaux ne sont pas encore suivis automatiquement."),
            ("OR-2025-05", .minor, .didNotChange, "Les démarches en ligne existent pour les subventions, mais le guichet mobile a été annulé et l'accès rural n'a pas progressé."),
        ]
        for (ref, impact, open, narrative) in rows {
            guard let c = try await Commitment.query(on: db).filter(\.$plan.$id == plan.id!).filter(\.$reference == ref).first() else { continue }
            let a = Assessment()
            a.updatedAt = Date(); a.verifiable = true; a.relevance = c.ogpValues; a.potentialImpact = impact.rawValue; a.completion = c.level.rawValue
            a.didItOpen = open.rawValue; a.narrative = narrative; a.sources = "Entretiens avec les partenaires et documents publiés sur la plateforme (démonstration)."
            a.$commitment.id = c.id!; a.$reviewer.id = reviewer.id!; a.$report.id = report.id!
            try await a.create(on: db)
            try await AuditLog.append(.init(action: "publish", objectKind: "assessment", objectID: a.id!, scope: c.id!, before: [:],
                                            after: AssessmentForm.fields(a)), actor: reviewer.id!.uuidString, on: db)
        }
    }
}
