import SharakaCore

/// Demo proposals written for the Oriental Region's co-creation, half in Arabic, half in
/// French, across the OGP values, themes and provinces (DEMO DATA, written for Sharaka).
enum DemoProposals {
    struct Item {
        let language: Language
        let title: String
        let body: String
        let value: OGPValue
        let theme: ProposalTheme
    }

    static let all: [Item] = [
        .init(language: .ar, title: "نشر الميزانية الجهوية بصيغة مفتوحة كل سنة", body: "نقترح أن ينشر مجلس الجهة ميزانيته السنوية وتنفيذها كل ثلاثة أشهر بصيغة CSV قابلة لإعادة الاستعمال، مع ملخص مبسط للمواطنين.", value: .accessToInformation, theme: .fiscalTransparency),
        .init(language: .ar, title: "بوابة لتتبع المشاريع الجهوية على الخريطة", body: "خريطة تفاعلية تعرض كل مشروع جهوي: الكلفة، نسبة الإنجاز، المقاول، وتاريخ التسليم المتوقع، مع إمكانية التعليق.", value: .publicAccountability, theme: .openData),
        .init(language: .ar, title: "ميزانية تشاركية للشباب في العمالات والأقاليم", body: "تخصيص جزء من الميزانية الجهوية لمشاريع يقترحها الشباب ويصوتون عليها في كل عمالة وإقليم، مع تقرير علني عن التنفيذ.", value: .civicParticipation, theme: .fiscalTransparency),
        .init(language: .ar, title: "نشر مداولات ومحاضر دورات مجلس الجهة", body: "نشر جدول أعمال الدورات قبل انعقادها بأسبوع، والمحاضر والقرارات خلال خمسة عشر يوما، مع بث مباشر للجلسات.", value: .accessToInformation, theme: .antiCorruption),
        .init(language: .ar, title: "شباك رقمي موحد لطلبات الحصول على المعلومات", body: "منصة واحدة لتقديم طلبات الحصول على المعلومات طبقا للقانون 31.13 وتتبع آجال الرد، مع نشر الأجوبة للعموم.", value: .accessToInformation, theme: .publicServices),
        .init(language: .ar, title: "لجنة تتبع مستقلة لخطة العمل تضم المجتمع المدني", body: "تشكيل لجنة من الجمعيات والجامعة والقطاع الخاص تتبع تنفيذ الالتزامات وتنشر تقريرا نصف سنوي.", value: .publicAccountability, theme: .antiCorruption),
        .init(language: .ar, title: "رقمنة رخص البناء وتتبع الملفات عبر الإنترنت", body: "تمكين المرتفقين من إيداع طلبات رخص البناء وتتبعها رقميا، مع نشر الآجال الفعلية لكل جماعة.", value: .technologyInnovation, theme: .publicServices),
        .init(language: .ar, title: "نشر بيانات الصفقات العمومية الجهوية وفق معيار OCDS", body: "نشر كل مراحل الصفقات من الإعلان إلى التنفيذ بصيغة OCDS لتمكين الصحفيين والجمعيات من التحليل.", value: .publicAccountability, theme: .openData),
        .init(language: .ar, title: "مراكز للمساعدة القانونية المجانية في الأقاليم البعيدة", body: "فتح مراكز للمساعدة القانونية في فكيك وجرادة وتاوريرت بشراكة مع هيئة المحامين والجمعيات المحلية.", value: .civicParticipation, theme: .accessToJustice),
        .init(language: .ar, title: "تطبيق للتبليغ عن أعطاب الإنارة والطرق", body: "تطبيق بسيط يسمح للمواطن بالتبليغ بالصورة والموقع عن الأعطاب، مع تتبع علني لآجال الإصلاح.", value: .technologyInnovation, theme: .publicServices),
        .init(language: .ar, title: "نشر معطيات جودة الهواء والماء في الجهة", body: "نشر قياسات جودة الهواء والماء بانتظام في بوابة مفتوحة، خاصة قرب المناطق الصناعية ومطرح النفايات.", value: .accessToInformation, theme: .environment),
        .init(language: .ar, title: "تكوين الجمعيات على تتبع الميزانيات العمومية", body: "برنامج تكوين لفائدة الجمعيات المحلية حول قراءة الميزانيات وتتبع تنفيذها وإعداد تقارير الرصد.", value: .civicParticipation, theme: .fiscalTransparency),
        .init(language: .ar, title: "سجل عمومي للدعم الممنوح للجمعيات", body: "نشر لائحة الجمعيات المستفيدة من دعم الجهة والمبالغ والمشاريع وتقارير الإنجاز في سجل مفتوح.", value: .publicAccountability, theme: .antiCorruption),
        .init(language: .ar, title: "إشراك النساء القرويات في ورشات إعداد الخطة", body: "تنظيم ورشات في الجماعات القروية بمواعيد ملائمة وتوفير النقل لضمان مشاركة النساء في صياغة الالتزامات.", value: .civicParticipation, theme: .other),
        .init(language: .ar, title: "نشر آجال الانتظار في المستشفيات الجهوية", body: "نشر متوسط آجال الحصول على موعد في المستشفيات والمراكز الصحية بالجهة وتحديثها كل شهر.", value: .accessToInformation, theme: .publicServices),
        .init(language: .ar, title: "مرصد جهوي لتدبير الموارد المائية", body: "مرصد مفتوح يعرض مخزون السدود والفرشة المائية وتوزيع الماء الفلاحي في الجهة مع معطيات قابلة للتحميل.", value: .technologyInnovation, theme: .environment),
        .init(language: .ar, title: "آلية لتلقي الشكايات ومعالجتها بشفافية", body: "آلية موحدة لتلقي شكايات المرتفقين مع رقم تتبع، وآجال رد محددة، وتقرير سنوي علني بالإحصائيات.", value: .publicAccountability, theme: .publicServices),
        .init(language: .ar, title: "التصريح بالممتلكات وتضارب المصالح لأعضاء المجلس", body: "نشر ملخصات تصريحات تضارب المصالح لأعضاء مجلس الجهة ومسطرة الامتناع عن التصويت عند التعارض.", value: .publicAccountability, theme: .antiCorruption),
        .init(language: .ar, title: "بوابة بالأمازيغية والعربية لخدمات الجهة", body: "توفير المعلومات والخدمات الرقمية الأساسية للجهة باللغتين الرسميتين مع احترام معايير الولوجية.", value: .technologyInnovation, theme: .publicServices),
        .init(language: .ar, title: "نشر تقارير المجلس الجهوي للحسابات وتتبع توصياتها", body: "نشر ملخصات تقارير المجلس الجهوي للحسابات المتعلقة بالجهة وجدول تتبع تنفيذ كل توصية.", value: .publicAccountability, theme: .fiscalTransparency),
        .init(language: .fr, title: "Publier les données des marchés publics régionaux en open data", body: "Mettre en ligne chaque marché de la Région (avis, attribution, avenants, paiements) au format OCDS, mis à jour chaque mois.", value: .accessToInformation, theme: .openData),
        .init(language: .fr, title: "Un tableau de bord public de l'exécution budgétaire", body: "Un tableau de bord trimestriel montrant, par programme et par province, le budget voté, engagé et payé.", value: .publicAccountability, theme: .fiscalTransparency),
        .init(language: .fr, title: "Des ateliers de co-création dans chaque province", body: "Organiser au moins un atelier par préfecture ou province, avec compte rendu public et réponse motivée aux idées recueillies.", value: .civicParticipation, theme: .other),
        .init(language: .fr, title: "Numériser les demandes de subventions aux associations", body: "Un guichet en ligne pour déposer, suivre et publier les demandes de subvention, avec des critères d'attribution publiés à l'avance.", value: .technologyInnovation, theme: .antiCorruption),
        .init(language: .fr, title: "Ouvrir les données des transports interurbains", body: "Publier horaires, lignes et arrêts des transports interurbains de l'Oriental au format GTFS pour les applications de mobilité.", value: .technologyInnovation, theme: .openData),
        .init(language: .fr, title: "Un registre des lobbies et des rencontres avec les élus", body: "Publier l'agenda des rencontres des élus régionaux avec des représentants d'intérêts, avec l'objet de chaque rencontre.", value: .publicAccountability, theme: .antiCorruption),
        .init(language: .fr, title: "Informer sur les droits des justiciables en darija et amazighe", body: "Des fiches pratiques et des capsules audio sur les procédures judiciaires courantes, diffusées dans les tribunaux et en ligne.", value: .accessToInformation, theme: .accessToJustice),
        .init(language: .fr, title: "Consultation publique obligatoire sur les grands projets", body: "Toute dépense d'investissement au-delà de 50 millions de dirhams ferait l'objet d'une consultation publique en ligne et en présentiel.", value: .civicParticipation, theme: .fiscalTransparency),
        .init(language: .fr, title: "Suivi citoyen des chantiers routiers", body: "Un panneau avec QR code sur chaque chantier renvoyant au marché, au délai, au coût et à l'avancement réel.", value: .publicAccountability, theme: .publicServices),
        .init(language: .fr, title: "Plateforme régionale d'offres d'emploi public", body: "Publier toutes les offres d'emploi des collectivités de la région, les résultats des concours et les listes d'attente.", value: .accessToInformation, theme: .antiCorruption),
        .init(language: .fr, title: "Former les agents à l'accueil du public et à la loi 31-13", body: "Un programme de formation des agents sur l'accès à l'information, les délais légaux et l'accueil des personnes en situation de handicap.", value: .accessToInformation, theme: .publicServices),
        .init(language: .fr, title: "Données ouvertes sur la gestion des déchets", body: "Publier tonnages collectés, taux de tri, coûts par commune et contrats de gestion déléguée des déchets.", value: .accessToInformation, theme: .environment),
        .init(language: .fr, title: "Un conseil régional des jeunes consultatif", body: "Un conseil de jeunes élus dans les lycées et universités, consulté sur le budget et les politiques régionales de jeunesse.", value: .civicParticipation, theme: .other),
        .init(language: .fr, title: "Services en ligne accessibles aux personnes malvoyantes", body: "Rendre les sites et services numériques de la Région conformes aux règles d'accessibilité WCAG 2.1 niveau AA.", value: .technologyInnovation, theme: .publicServices),
        .init(language: .fr, title: "Publication des rapports d'audit interne", body: "Publier chaque année la synthèse des audits internes de la Région et l'état de mise en œuvre des recommandations.", value: .publicAccountability, theme: .antiCorruption),
        .init(language: .fr, title: "Médiation de proximité pour les litiges administratifs", body: "Des permanences de médiation dans les communes rurales pour régler les litiges avec l'administration sans procès.", value: .civicParticipation, theme: .accessToJustice),
        .init(language: .fr, title: "Un portail unique des données ouvertes de l'Oriental", body: "Un catalogue de données ouvertes moissonnable (API compatible CKAN) réunissant les jeux de données de la Région et des provinces.", value: .technologyInnovation, theme: .openData),
        .init(language: .fr, title: "Rendre publics les contrats de gestion déléguée", body: "Publier les contrats de gestion déléguée (eau, transport, déchets) et leurs rapports annuels de suivi.", value: .accessToInformation, theme: .fiscalTransparency),
        .init(language: .fr, title: "Budget vert : étiqueter les dépenses climat", body: "Marquer dans le budget régional les dépenses favorables ou défavorables au climat et publier le bilan chaque année.", value: .publicAccountability, theme: .environment),
        .init(language: .fr, title: "Hackathon annuel sur les données publiques régionales", body: "Un hackathon ouvert aux étudiants et startups de l'Oriental pour créer des services à partir des données publiques.", value: .technologyInnovation, theme: .openData),
    ]

    static let comments: [(Language, String, CommentAlignment)] = [
        (.ar, "فكرة مهمة، ويجب أن تشمل أيضا الجماعات الترابية وليس الجهة فقط.", .inFavour),
        (.fr, "Très bonne idée, à condition que les données soient mises à jour régulièrement.", .inFavour),
        (.ar, "ما هي الكلفة المتوقعة؟ يجب أن نعرف ذلك قبل الالتزام.", .neutral),
        (.fr, "Je crains que cela reste un site vitrine sans moyens humains.", .against),
        (.ar, "نقترح إشراك الجامعة في التتبع لضمان الاستقلالية.", .inFavour),
        (.fr, "Il existe déjà une obligation légale : l'enjeu est surtout l'application.", .neutral),
    ]
}
