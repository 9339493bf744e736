import SharakaCore
import Vapor

struct RegistrationForm: Content {
    var name: String?
    var email: String?
    var password: String?
    var password_confirmation: String?
    var language: String?
    var province: String?
    var accept_terms: String?

    /// Field name → message, in the user's language.
    func validate(_ t: Localizer, provinces: Set<String>) -> [String: String] {
        var errors: [String: String] = [:]
        if let p = AccountRules.checkName(name ?? "") { errors["name"] = t.problem(p, min: AccountRules.nameLength.lowerBound, max: AccountRules.nameLength.upperBound) }
        if let p = AccountRules.checkEmail(email ?? "") { errors["email"] = t.problem(p, max: AccountRules.emailMaxLength) }
        if let p = AccountRules.checkPassword(password ?? "", confirmation: password_confirmation ?? "") {
            errors[p == .passwordsDiffer ? "password_confirmation" : "password"] = t.problem(p, min: AccountRules.passwordLength.lowerBound, max: AccountRules.passwordLength.upperBound)
        }
        if Language(rawValue: language ?? "") == nil { errors["language"] = t.problem(.unknownChoice) }
        if let p = province, !p.isEmpty, !provinces.contains(p) { errors["province"] = t.problem(.unknownChoice) }
        if accept_terms != "yes" { errors["accept_terms"] = t(.errAcceptTerms) }
        return errors
    }
}
