import Foundation

/// Why a field was refused. The web layer turns each case into a message in the user's language.
public enum FieldProblem: String, Sendable, Equatable, CaseIterable {
    case required
    case tooShort
    case tooLong
    case invalidEmail
    case passwordTooWeak
    case passwordsDiffer
    case unknownChoice
    case alreadyTaken
}

/// Limits on what a person types into their account.
public enum AccountRules {
    public static let nameLength = 2...120
    public static let passwordLength = 10...128
    public static let emailMaxLength = 254

    public static func checkName(_ name: String) -> FieldProblem? {
        let t = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return .required }
        if t.count < nameLength.lowerBound { return .tooShort }
        if t.count > nameLength.upperBound { return .tooLong }
        return nil
    }

    /// Deliberately simple: one @, a dot in the domain, no spaces. Confirmation by e-mail is the real check.
    public static func checkEmail(_ email: String) -> FieldProblem? {
        let t = email.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return .required }
        if t.count > emailMaxLength { return .tooLong }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !t.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { return .invalidEmail }
        return nil
    }

    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Length plus at least a letter and a digit: long passphrases in any script pass.
    public static func checkPassword(_ password: String, confirmation: String? = nil) -> FieldProblem? {
        if password.isEmpty { return .required }
        if password.count < passwordLength.lowerBound { return .tooShort }
        if password.count > passwordLength.upperBound { return .tooLong }
        guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else { return .passwordTooWeak }
        if let confirmation, confirmation != password { return .passwordsDiffer }
        return nil
    }

    /// A free text field with bounds; nil when it is fine.
    public static func checkText(_ text: String, length: ClosedRange<Int>, required: Bool = true) -> FieldProblem? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return required ? .required : nil }
        if t.count < length.lowerBound { return .tooShort }
        if t.count > length.upperBound { return .tooLong }
        return nil
    }
}
