import Foundation
import SharakaCore
import Vapor

/// What a person typed into a form that reached the server after their session had ended:
/// carried through the sign-in form (not stored anywhere), then offered back on a page that
/// sends it again, so that an expired session costs a sign-in, not the text.
struct FormDraft: Codable, Sendable, Equatable {
    /// The form's own address: a plain local path, checked like any redirect.
    var action: String
    var fields: [Field]

    struct Field: Codable, Sendable, Equatable {
        let name: String
        let value: String
    }

    /// Names never carried: the token of the dead session, passwords, files.
    static let skipped: Set<String> = ["_csrf", "password", "password_confirmation", "current_password", "new_password", "attachment", "document", "evidence", "logo", "file"]
    static let maxTotal = 100_000

    /// The text fields of a POSTed form, in order, if it is worth keeping.
    static func from(_ request: Request) -> FormDraft? {
        guard let action = LocalRedirect.target(request.url.path), let type = request.headers.contentType else { return nil }
        var fields: [Field] = []
        if type == .urlEncodedForm, let body = request.body.string {
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
                fields.append(Field(name: parts[0], value: parts.count > 1 ? parts[1] : ""))
            }
        } else if type.type == "multipart", let decoded = try? request.content.decode([String: String].self) {
            fields = decoded.keys.sorted().map { Field(name: $0, value: decoded[$0]!) }
        }
        fields = fields.filter { !skipped.contains($0.name) && !$0.name.contains("password") }
        guard fields.contains(where: { !$0.value.isEmpty }), fields.reduce(0, { $0 + $1.value.utf8.count }) <= maxTotal else { return nil }
        return FormDraft(action: action, fields: fields)
    }

    var encoded: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }

    /// A draft sent back by the sign-in form: only to a local path, never larger than sent.
    static func decode(_ raw: String?) -> FormDraft? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maxTotal * 2,
              let draft = try? JSONDecoder().decode(FormDraft.self, from: Data(raw.utf8)),
              LocalRedirect.target(draft.action) == draft.action else { return nil }
        return draft
    }

    /// Fields a person reads and may correct; the rest (ids, choices) travel hidden.
    var visible: [Field] { fields.filter { $0.value.count > 40 || $0.value.contains(" ") || $0.value.contains("\n") } }
    var hidden: [Field] { fields.filter { !visible.contains($0) } }
}

enum DraftPage {
    /// After signing in again: the text as it was typed, sent again with the new session's token.
    static func page(_ t: Localizer, _ draft: FormDraft) -> Page {
        Page(title: t(.draftTitle), content: H.group([
            H.h1(t(.draftTitle)),
            H.p(t(.draftIntro)),
            H.el("form", [.action(draft.action), .postMethod, .cls("stack")], [CSRFField()]
                + draft.hidden.map { H.void("input", [.type("hidden"), .name($0.name), .value($0.value)]) }
                + draft.visible.enumerated().map { i, field in
                    FormField.textarea(field.name, label: label(t, field.name), value: field.value, rows: min(12, max(3, field.value.count / 60 + 1)),
                                       dir: "auto", idSuffix: "draft-\(i)")
                }
                + [H.button(t(.draftSend))]),
        ]))
    }

    /// A field's name as a label, for the fields the site's forms write.
    static func label(_ t: Localizer, _ name: String) -> String {
        let labels: [String: L10nKey] = [
            "body": .fieldBody, "title": .fieldTitle, "text": .fieldProgressText, "reasoning": .fieldReasoning, "minutes": .minutesTitle,
            "decisions": .fieldDecisions, "details": .fieldReportDetails, "decision": .planMoveDecision, "amendment_reason": .fieldAmendmentReason,
            "narrative": .fieldNarrative, "sources": .fieldSources, "name": .fieldName, "address": .fieldAddress,
        ]
        let base = name.split(separator: "_").first.map(String.init) ?? name
        return labels[name].map { t($0) } ?? labels[base].map { t($0) } ?? name
    }
}
