import Fluent
import SharakaCore
import Vapor

/// The co-creation process of the Oriental Region's 2025–2027 action plan, with a
/// calendar placed around the day the demo is loaded so that every step can be tried.
enum DemoProcess {
    static func create(organiser: Organisation, today: Day, on db: any Database) async throws -> ParticipatoryProcess {
        let p = ParticipatoryProcess()
        p.title = LocalizedText([
            .ar: "الإعداد التشاركي لخطة عمل الحكومة المنفتحة 2025–2027",
            .fr: "Co-création du plan d'action de gouvernement ouvert 2025–2027",
            .en: "Co-creation of the Open Government action plan 2025–2027",
            .zgh: "ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⵏⴱⴰⴹⵜ ⵢⴰⵔⵣⵎⵏ 2025–2027",
        ])
        p.summary = LocalizedText([
            .ar: "يدعو مجلس جهة الشرق المواطنين والجمعيات والمقاولات إلى اقتراح التزامات خطة العمل الجهوية للحكومة المنفتحة ومناقشتها.",
            .fr: "Le Conseil de la Région de l'Oriental invite citoyens, associations et entreprises à proposer et discuter les engagements du plan d'action régional de gouvernement ouvert.",
        ])
        p.description = LocalizedText([
            .ar: "تلتزم الجهة بنشر الجدول الزمني كاملا منذ البداية، والرد المعلل على كل مقترح قبل المصادقة على الخطة.\n\nالمحاور: الشفافية المالية، المساءلة والتتبع، مشاركة المجتمع المدني، المنصات الرقمية للمعلومة، الخدمات العمومية الرقمية، الولوج إلى العدالة.",
            .fr: "La région publie tout le calendrier dès le départ et répond de façon motivée à chaque proposition avant l'adoption du plan.\n\nAxes : transparence financière, redevabilité et suivi, participation de la société civile, plateformes numériques d'information, services publics numériques, accès à la justice.",
        ])
        p.scope = []
        p.contact = "ogp@demo.sharaka.ma"
        p.hashtag = "OGP_Oriental"
        p.status = ProcessStatus.published.rawValue
        p.publishedAt = Date()
        p.$organiser.id = organiser.id!
        try await p.create(on: db)
        let phases: [(PhaseKind, String, String, Int, Int)] = [
            (.information, "الإخبار والتعبئة", "Information et mobilisation", -60, -31),
            (.proposals, "تقديم المقترحات", "Dépôt des propositions", -30, 30),
            (.workshops, "ورشات العمل في العمالات والأقاليم", "Ateliers dans les préfectures et provinces", 31, 60),
            (.consolidation, "تجميع المقترحات وصياغة الالتزامات", "Consolidation et rédaction des engagements", 61, 80),
            (.response, "الرد المعلل على المقترحات", "Réponse motivée aux propositions", 81, 95),
            (.adoption, "المصادقة على خطة العمل", "Adoption du plan d'action", 96, 110),
        ]
        for (kind, ar, fr, from, to) in phases {
            try await Phase(processID: p.id!, kind: kind, name: LocalizedText([.ar: ar, .fr: fr]), starts: today.adding(days: from), ends: today.adding(days: to)).create(on: db)
        }
        return p
    }
}
