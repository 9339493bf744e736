import SharakaCore

/// Twelve plausible organisations per sector, named after the region's provinces.
/// They are demo data: none of them stands for a real body's account.
enum DemoOrganisations {
    static func all(provinces: [Territory.ProvinceRow]) -> [(Sector, [LocalizedText])] {
        func cycle(_ n: Int) -> [Territory.ProvinceRow] { (0..<n).map { provinces[$0 % provinces.count] } }
        let councilUnits: [(String, String)] = [
            ("مجلس جهة الشرق", "Conseil de la Région de l'Oriental"), ("مديرية الميزانية بمجلس الجهة", "Direction du budget du Conseil régional"),
            ("مديرية الشؤون القانونية", "Direction des affaires juridiques"), ("مديرية التحول الرقمي", "Direction de la transition numérique"),
            ("مديرية الصفقات العمومية", "Direction des marchés publics"), ("مصلحة التواصل", "Service de la communication"),
            ("الوكالة الجهوية لتنفيذ المشاريع", "Agence régionale d'exécution des projets"), ("مديرية التخطيط", "Direction de la planification"),
            ("مديرية التنمية القروية", "Direction du développement rural"), ("مصلحة الأرشيف", "Service des archives"),
            ("مديرية الموارد البشرية", "Direction des ressources humaines"), ("مصلحة الشكايات", "Service des réclamations"),
        ]
        let deconcentrated: [(String, String)] = [
            ("المديرية الجهوية للصحة", "Direction régionale de la santé"), ("الأكاديمية الجهوية للتربية والتكوين", "Académie régionale d'éducation et de formation"),
            ("المديرية الجهوية للفلاحة", "Direction régionale de l'agriculture"), ("المديرية الجهوية للتجهيز", "Direction régionale de l'équipement"),
            ("المركز الجهوي للاستثمار", "Centre régional d'investissement"), ("المديرية الجهوية للثقافة", "Direction régionale de la culture"),
            ("المديرية الجهوية للبيئة", "Direction régionale de l'environnement"), ("المديرية الجهوية للشباب", "Direction régionale de la jeunesse"),
            ("الخزينة الجهوية", "Trésorerie régionale"), ("المديرية الجهوية للتشغيل", "Direction régionale de l'emploi"),
            ("المديرية الجهوية للسكنى", "Direction régionale de l'habitat"), ("المديرية الجهوية للسياحة", "Direction régionale du tourisme"),
        ]
        let associationThemes: [(String, String)] = [
            ("جمعية الشفافية والمساءلة", "Association transparence et redevabilité"), ("جمعية النساء والتنمية", "Association femmes et développement"),
            ("جمعية الشباب والمواطنة", "Association jeunesse et citoyenneté"), ("جمعية حماية البيئة", "Association de protection de l'environnement"),
            ("جمعية الحق في المعلومة", "Association droit à l'information"), ("جمعية الأشخاص في وضعية إعاقة", "Association des personnes en situation de handicap"),
            ("جمعية التنمية القروية", "Association de développement rural"), ("مرصد الميزانية التشاركية", "Observatoire du budget participatif"),
            ("جمعية الولوج إلى العدالة", "Association accès à la justice"), ("جمعية البيانات المفتوحة", "Association données ouvertes"),
            ("جمعية آباء وأولياء التلاميذ", "Association des parents d'élèves"), ("جمعية الثقافة الأمازيغية", "Association de la culture amazighe"),
        ]
        let companies: [(String, String)] = [
            ("شركة الشرق للحلول الرقمية", "Oriental Solutions Numériques SARL"), ("تعاونية أركان النسوية", "Coopérative féminine de l'argan"),
            ("شركة الطاقات المتجددة", "Énergies Renouvelables SA"), ("مكتب الدراسات التقنية", "Bureau d'études techniques"),
            ("شركة النقل الجهوي", "Transports Régionaux SA"), ("تعاونية الحليب", "Coopérative laitière"),
            ("شركة البناء والأشغال", "Bâtiment et Travaux SARL"), ("مقاولة ناشئة للتكنولوجيا المدنية", "Start-up de technologie civique"),
            ("غرفة التجارة والصناعة والخدمات", "Chambre de commerce, d'industrie et de services"), ("شركة الماء والكهرباء", "Société de distribution d'eau et d'électricité"),
            ("تعاونية التمور", "Coopérative des dattes"), ("فندق الشاطئ", "Hôtel de la Plage"),
        ]
        let academia: [(String, String)] = [
            ("جامعة محمد الأول", "Université Mohammed Premier"), ("كلية العلوم القانونية والاقتصادية", "Faculté des sciences juridiques et économiques"),
            ("المدرسة الوطنية للعلوم التطبيقية", "École nationale des sciences appliquées"), ("مختبر الحكامة المحلية", "Laboratoire de gouvernance locale"),
            ("إذاعة الشرق الجهوية", "Radio régionale de l'Oriental"), ("جريدة الشرق الإلكترونية", "Journal électronique de l'Oriental"),
            ("المدرسة الوطنية للتجارة والتسيير", "École nationale de commerce et de gestion"), ("مركز الدراسات الجهوية", "Centre d'études régionales"),
            ("نادي الصحافة", "Club de la presse"), ("الكلية متعددة التخصصات", "Faculté pluridisciplinaire"),
            ("مرصد الإعلام المحلي", "Observatoire des médias locaux"), ("معهد التكوين المهني", "Institut de formation professionnelle"),
        ]
        let prefectures = provinces.map { (ar: "عمالة/إقليم \($0.nameAR)", fr: "Préfecture/Province de \($0.nameFR)") }
        func named(_ base: [(String, String)], placed: Bool) -> [LocalizedText] {
            zip(base, cycle(base.count)).map { pair, p in
                placed ? LocalizedText([.ar: "\(pair.0) - \(p.nameAR)", .fr: "\(pair.1) - \(p.nameFR)"]) : LocalizedText([.ar: pair.0, .fr: pair.1])
            }
        }
        return [
            (.regionalCouncil, named(councilUnits, placed: false)),
            (.prefectureProvince, (prefectures + prefectures).prefix(12).enumerated().map { i, p in
                i < prefectures.count ? LocalizedText([.ar: p.ar, .fr: p.fr]) : LocalizedText([.ar: "قسم الشؤون الداخلية - \(p.ar)", .fr: "Division des affaires intérieures - \(p.fr)"])
            }),
            (.deconcentratedAdministration, named(deconcentrated, placed: false)),
            (.association, named(associationThemes, placed: true)),
            (.company, named(companies, placed: true)),
            (.academiaMedia, named(academia, placed: false)),
        ]
    }
}
