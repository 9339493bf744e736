import SharakaCore
import Testing

@Suite struct AccountRulesTests {
    @Test func names() {
        #expect(AccountRules.checkName("") == .required)
        #expect(AccountRules.checkName("   ") == .required)
        #expect(AccountRules.checkName("a") == .tooShort)
        #expect(AccountRules.checkName(String(repeating: "ب", count: 121)) == .tooLong)
        #expect(AccountRules.checkName("فاطمة الزهراء") == nil)
    }

    @Test func emails() {
        #expect(AccountRules.checkEmail("") == .required)
        #expect(AccountRules.checkEmail("no-at-sign") == .invalidEmail)
        #expect(AccountRules.checkEmail("a@b") == .invalidEmail)
        #expect(AccountRules.checkEmail("a b@c.ma") == .invalidEmail)
        #expect(AccountRules.checkEmail("\"'><x@c.ma") == .invalidEmail)
        #expect(AccountRules.checkEmail("x@" + String(repeating: "a", count: 260) + ".ma") == .tooLong)
        #expect(AccountRules.checkEmail("citoyen@oujda.ma") == nil)
        #expect(AccountRules.normalisedEmail("  Citoyen@Oujda.MA ") == "citoyen@oujda.ma")
    }

    @Test func passwords() {
        #expect(AccountRules.checkPassword("") == .required)
        #expect(AccountRules.checkPassword("abc123") == .tooShort)
        #expect(AccountRules.checkPassword("abcdefghijkl") == .passwordTooWeak)
        #expect(AccountRules.checkPassword("1234567890123") == .passwordTooWeak)
        #expect(AccountRules.checkPassword("كلمة سر قوية 2025") == nil)
        #expect(AccountRules.checkPassword("longpassword1", confirmation: "longpassword2") == .passwordsDiffer)
        #expect(AccountRules.checkPassword(String(repeating: "a1", count: 65)) == .tooLong)
    }

    @Test func retryBacksOffThenGivesUp() {
        let r = RetrySchedule(base: 60, cap: 600, maxAttempts: 5)
        #expect(r.delay(afterFailures: 1) == 60)
        #expect(r.delay(afterFailures: 2) == 120)
        #expect(r.delay(afterFailures: 4) == 480)
        #expect(RetrySchedule(base: 60, cap: 300, maxAttempts: 9).delay(afterFailures: 8) == 300)
        #expect(r.delay(afterFailures: 5) == nil)
    }
}
