import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct PlanAdminTests {
    /// A commitment's form, led by `lead` (an organisation of the platform).
    static func commitment(_ lead: UUID) -> [String: String] { fields.merging(["lead_organisation": lead.uuidString]) { $1 } }
    static let fields: [String: String] = [
        "reference": "OR-2025-01", "title_fr": "Budget régional ouvert", "title_ar": "ميزانية جهوية مفتوحة",
        "problem_fr": "Les citoyens ne peuvent pas lire le budget régional.", "solution_fr": "Publier le budget et son exécution en données ouvertes.",
        "values[]": "access_to_information", "theme": "fiscal_transparency",
        "actors_civil_society": "Association Oujda Transparence\nRéseau des associations de Nador", "starts": "2025-04-01", "ends": "2027-06-30",
        "budget": "1 250 000,50", "contact": "ogp@oriental.ma",
    ]

    @Test(arguments: Engine.all)
    func officialsWriteThePlanAndAmendItOnceAdopted(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the council, one of its officials, a citizen
            let council = Organisation(name: .init([.fr: "Conseil de la Région de l'Oriental"]), sector: .regionalCouncil, provinceCode: nil)
            try await council.create(on: app.db)
            let official = try await TestFixtures.user(app, email: "official@example.ma", role: .official)
            try await Membership(userID: official.id!, organisationID: council.id!, role: .member).create(on: app.db)
            try await TestFixtures.user(app, email: "citizen@example.ma")
            let t = Localizer(.fr)

            let citizen = Client(app)
            try await citizen.login("citizen@example.ma", lang: "fr")
            #expect(try await citizen.get("/fr/plans/new").status == .forbidden)

            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            try await client.get("/fr/plans/new")
            // bad plan: refused, nothing stored
            let bad = try await client.post("/fr/plans/new", ["title_fr": "Pl", "period_start": "1999", "period_end": "2027", "adopting_body": council.id!.uuidString])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(t(.errPeriod)))
            #expect(try await ActionPlan.query(on: app.db).count() == 0)
            // act: a draft plan
            #expect(try await client.post("/fr/plans/new", ["title_fr": "Plan d'action de l'Oriental 2025-2027", "period_start": "2025", "period_end": "2027",
                                                           "adopting_body": council.id!.uuidString]).status == .seeOther)
            let plan = try #require(try await ActionPlan.query(on: app.db).first())
            #expect(plan.statusValue == .draft && plan.revision == 0)
            #expect(try await citizen.get("/fr/plans/new").status == .forbidden)
            #expect(try await citizen.post("/fr/plans/\(plan.id!)/commitments/new", Self.commitment(council.id!)).status == .forbidden)

            // a commitment: bad input first
            let path = "/fr/plans/\(plan.id!)/commitments/new"
            try await client.get(path)
            let badCommitment = try await client.post(path, Self.commitment(council.id!).merging(["reference": "OR 1", "values[]": "", "budget": "12,34,5", "ends": "2024-01-01"]) { $1 })
            #expect(badCommitment.status == .unprocessableEntity)
            for message in [t(.errReference), t(.errOneValue), t(.errBudget), t(.errEndsBeforeStart)] { #expect(badCommitment.body.string.contains(message)) }
            #expect(try await Commitment.query(on: app.db).count() == 0)
            #expect(try await client.post(path, Self.commitment(council.id!)).status == .seeOther)
            let commitment = try #require(try await Commitment.query(on: app.db).first())
            #expect(commitment.budgetCentimes == 125_000_050)
            #expect(commitment.supportingActors.actors.count == 2)
            // the same reference twice is refused
            try await client.get(path)
            #expect(try await client.post(path, Self.commitment(council.id!)).status == .unprocessableEntity)

            // a milestone
            let mpath = "/fr/commitments/\(commitment.id!)/milestones/new"
            try await client.get(mpath)
            let milestone = ["title_fr": "Portail budgétaire en ligne", "responsible_body": "Direction des systèmes d'information", "starts": "2025-04-01", "ends": "2026-06-30", "weight": "2"]
            #expect(try await client.post(mpath, milestone.merging(["weight": "0"]) { $1 }).status == .unprocessableEntity)
            #expect(try await client.post(mpath, milestone).status == .seeOther)
            #expect(try await Milestone.query(on: app.db).count() == 1)

            // moving the plan: not straight to adopted; consultation, then adoption writes revision 1
            try await client.get("/fr/plans/\(plan.id!)")
            #expect(try await client.post("/fr/plans/\(plan.id!)/status", ["status": "adopted"]).status == .unprocessableEntity)
            #expect(try await client.post("/fr/plans/\(plan.id!)/status", ["status": "public_consultation"]).status == .seeOther)
            // adoption cannot be undone: it is confirmed and records the decision it carries out
            let unconfirmed = try await client.post("/fr/plans/\(plan.id!)/status", ["status": "adopted", "decision": "Délibération n° 12 du conseil régional"])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.string.contains(t(.errConfirmMove)))
            #expect(unconfirmed.body.string.contains("Délibération n° 12 du conseil régional"))
            #expect(try await ActionPlan.find(plan.id, on: app.db)?.statusValue == .consultation)
            #expect(try await client.post("/fr/plans/\(plan.id!)/status", ["status": "adopted", "confirm": "yes",
                                                                             "decision": "Délibération n° 12 du conseil régional"]).status == .seeOther)
            #expect(try await ActionPlan.find(plan.id, on: app.db)?.revision == 1)

            // adopted: a change without a reason is refused, with one it is revision 2
            let epath = "/fr/commitments/\(commitment.id!)/edit"
            try await client.get(epath)
            let amended = Self.commitment(council.id!).merging(["budget": "1 400 000"]) { $1 }
            let noReason = try await client.post(epath, amended)
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains(t(.errAmendmentReason)))
            #expect(try await Commitment.find(commitment.id, on: app.db)?.budgetCentimes == 125_000_050)
            #expect(try await client.post(epath, amended.merging(["amendment_reason": "Cofinancement de la Wilaya ajouté en 2026."]) { $1 }).status == .seeOther)
            #expect(try await Commitment.find(commitment.id, on: app.db)?.budgetCentimes == 140_000_000)
            #expect(try await ActionPlan.find(plan.id, on: app.db)?.revision == 2)

            // both revisions stay viewable and compare field by field, for anyone
            let revisions = try await Client(app).get("/fr/plans/\(plan.id!)/revisions")
            #expect(revisions.status == .ok && revisions.body.string.contains("Cofinancement de la Wilaya"))
            let compare = try await Client(app).get("/fr/plans/\(plan.id!)/compare?from=1&to=2").body.string
            // in the reader's words: the commitment, the field's name, amounts as the pages write them
            #expect(compare.contains("<bdi>OR-2025-01</bdi> — \(t(.fieldBudget))"))
            #expect(compare.contains("<del>1\u{202F}250\u{202F}000,50 MAD</del>") && compare.contains("<ins>1\u{202F}400\u{202F}000"))
            #expect(!compare.contains("OR-2025-01/budget"))
            #expect(try await Client(app).get("/fr/plans/\(plan.id!)/compare?from=1&to=9").status == .notFound)

            // documents: checked by content, listed publicly, audited
            try await client.get("/fr/plans/\(plan.id!)")
            #expect(try await client.postMultipart("/fr/plans/\(plan.id!)/documents", [:], file: ("document", "plan.pdf", "application/pdf", Data("<script>x</script>".utf8))).status == .unprocessableEntity)
            #expect(try await client.postMultipart("/fr/plans/\(plan.id!)/documents", [:], file: ("document", "plan-adopte.pdf", "application/pdf", Data("%PDF-1.4\n%plan\n".utf8))).status == .seeOther)
            #expect(try await citizen.postMultipart("/fr/plans/\(plan.id!)/documents", [:], file: ("document", "x.pdf", "application/pdf", Data("%PDF-1.4\n".utf8))).status == .forbidden)
            #expect(try await Client(app).get("/fr/plans/\(plan.id!)").body.string.contains("plan-adopte.pdf"))
            #expect(try await PlanDocument.query(on: app.db).count() == 1)

            // every write is in the chain
            let verified = try await AuditLog.verify(on: app.db)
            #expect(verified.firstBreak == nil && verified.checked == 7)
            let history = try await Client(app).get("/fr/commitments/\(commitment.id!)/history").body.string
            #expect(history.contains("Cofinancement de la Wilaya"))
        }
    }

    @Test(arguments: Engine.all)
    func aCommitmentTracesBackToItsProposals(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a proposal in the co-creation process, the plan that came out of it
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let f = try await PlanFixture.make(app)
            f.plan.$process.id = process.id!
            try await f.plan.save(on: app.db)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let path = "/fr/commitments/\(f.commitment.id!)/edit"
            let edit = try await client.get(path)
            #expect(edit.body.string.contains(proposal.title))
            // act: link the proposal (an amendment: the plan is in implementation)
            var form = Self.commitment(f.commitment.$leadOrganisation.id!)
            form["reference"] = f.commitment.reference
            form["ends"] = f.commitment.endsOn
            form["proposals[]"] = proposal.id!.uuidString
            form["amendment_reason"] = "Lien avec la proposition retenue en atelier."
            #expect(try await client.post(path, form).status == .seeOther)
            // a proposal of another process may not be linked
            try await client.get(path)
            #expect(try await client.post(path, form.merging(["proposals[]": UUID().uuidString]) { $1 }).status == .unprocessableEntity)
            // check: both ways, and the plan counts it
            let t = Localizer(.fr)
            let proposalPage = try await Client(app).get("/fr/proposals/\(proposal.id!)").body.string
            #expect(proposalPage.contains(t(.includedInCommitment, ["ref": f.commitment.reference])))
            #expect(proposalPage.contains("/fr/commitments/\(f.commitment.id!)"))
            #expect(try await Client(app).get("/fr/commitments/\(f.commitment.id!)").body.string.contains("/fr/proposals/\(proposal.id!)"))
            #expect(try await Client(app).get("/fr/plans/\(f.plan.id!)").body.string.contains(t(.planFromProposals, ["n": "1", "total": "1"])))
        }
    }

    @Test(arguments: Engine.all)
    func aDoubleSubmitMakesOneCommitment(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a draft plan of the fixture's council
            let f = try await PlanFixture.make(app, status: .draft)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let path = "/fr/plans/\(f.plan.id!)/commitments/new"
            try await client.get(path)
            // act: the same form sent twice at once
            let twice = Self.commitment(f.commitment.$leadOrganisation.id!).merging(["reference": "OR-2025-02"]) { $1 }
            async let first = client.post(path, twice)
            async let second = client.post(path, twice)
            let statuses = try await [first.status, second.status]
            // check: one stored, the other told why (by the check or by the unique key)
            #expect(statuses.filter { $0 == .seeOther }.count == 1 && statuses.filter { $0 == .unprocessableEntity }.count == 1)
            #expect(try await Commitment.query(on: app.db).filter(\.$reference == "OR-2025-02").count() == 1)
            // a closed plan says so instead of accepting changes
            f.plan.status = PlanStatus.closed.rawValue
            try await f.plan.save(on: app.db)
            let closed = try await client.get("/fr/commitments/\(f.commitment.id!)/edit")
            #expect(closed.status == .conflict && closed.body.string.contains(Localizer(.fr)(.errPlanClosed)))
        }
    }
}
