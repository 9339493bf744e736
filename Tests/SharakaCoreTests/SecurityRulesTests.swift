import Foundation
import SharakaCore
import Testing

@Suite struct SecurityRulesTests {
    @Test func signInRedirectsOnlyToPlainLocalPaths() {
        // accepted as they are
        for ok in ["/", "/fr/", "/ar/processes/1?x=2#top", "/fr/proposals/%D8%A7"] { #expect(LocalRedirect.target(ok) == ok) }
        // header injection, other hosts, and what browsers strip or rewrite into other hosts
        for bad in ["/fr/\r\nSet-Cookie: injected=1", "//evil.example", "/\\evil.example", "/\t/evil.example", "/%09/evil.example",
                    "/\u{0B}/evil.example", "/ /evil.example", "/%2F%2Fevil.example", "/%2Fevil.example", "/%5Cevil.example",
                    "/%252F/evil.example", "https://evil.example", "evil.example", "", "/fr/\u{0}", "/fr/é", "/%0d%0aSet-Cookie:x"] {
            #expect(LocalRedirect.target(bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func forwardedForTakesTheEntryTheTrustedProxyAppended() {
        #expect(ForwardedFor.clientAddress(["203.0.113.9"], hops: 1) == "203.0.113.9")
        // the client wrote the first entry itself; the proxy appended the real one
        #expect(ForwardedFor.clientAddress(["1.2.3.4, 203.0.113.9"], hops: 1) == "203.0.113.9")
        #expect(ForwardedFor.clientAddress(["1.2.3.4", "203.0.113.9, 10.0.0.2"], hops: 2) == "203.0.113.9")
        #expect(ForwardedFor.clientAddress(["2001:db8::1"], hops: 1) == "2001:db8::1")
        #expect(ForwardedFor.clientAddress([], hops: 1) == nil)
        #expect(ForwardedFor.clientAddress(["203.0.113.9"], hops: 2) == nil)
        #expect(ForwardedFor.clientAddress(["evil\u{0}"], hops: 1) == nil)
    }

    @Test func controlCharactersAreFoundEncodedOrRaw() {
        #expect(ControlCharacters.inPercentEncoded(Array("q=%00".utf8)))
        #expect(ControlCharacters.inPercentEncoded(Array("q=a%1Fb".utf8)))
        #expect(ControlCharacters.inPercentEncoded(Array("q=a%7f".utf8)))
        #expect(!ControlCharacters.inPercentEncoded(Array("q=line%0Aone%09tab%0D%0A+plus%25".utf8)))
        #expect(!ControlCharacters.inPercentEncoded(Array("q=%".utf8)))
        #expect(ControlCharacters.inJSON(Array(#"{"a":"x\u0000"}"#.utf8)))
        #expect(ControlCharacters.inJSON(Array(#"{"a":"x\u001b"}"#.utf8)))
        #expect(!ControlCharacters.inJSON(Array(#"{"a":"x\\u0000 \n \u000a \u00e9"}"#.utf8)))
        #expect(ControlCharacters.inRaw(Array("a\u{0}b".utf8)))
        #expect(!ControlCharacters.inRaw(Array("a\tb\nc".utf8)))
    }

    @Test func multipartBoundariesFollowRFC2046() {
        #expect(MultipartBoundary.isValid("----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        #expect(!MultipartBoundary.isValid(""))
        #expect(!MultipartBoundary.isValid(String(repeating: "a", count: 71)))
        #expect(!MultipartBoundary.isValid("ends with space "))
        #expect(!MultipartBoundary.isValid("semi;colon"))
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"\r\n\r\n\u{0}\u{1}\r\n--b--\r\n".utf8)
        let parts = MultipartBoundary.textParts(body, boundary: "b")
        #expect(parts.count == 1)
        #expect(String(decoding: body[parts[0]], as: UTF8.self) == "hello\r\n")
    }

    @Test func moneyNeverOverflowsAndBudgetsAreBounded() {
        let huge = MAD(parsing: "999 999 999 999 999,99")!
        #expect(MAD.total(Array(repeating: huge, count: 93)) == nil)
        #expect(MAD.total([MAD(centimes: 150), MAD(centimes: 250)]) == MAD(centimes: 400))
        #expect(MAD(centimes: .max).adding(MAD(centimes: 1)) == nil)
        let limits = BudgetLimits.standard
        #expect(limits.check(huge, otherCommitments: []) == .commitmentTooLarge)
        #expect(limits.check(MAD(dirhams: 10_000_000_000)!, otherCommitments: []) == nil)
        #expect(limits.check(MAD(dirhams: 10_000_000_000)!, otherCommitments: Array(repeating: MAD(dirhams: 10_000_000_000)!, count: 9)) == nil)
        #expect(limits.check(MAD(dirhams: 1)!, otherCommitments: Array(repeating: MAD(dirhams: 10_000_000_000)!, count: 10)) == .planTotalTooLarge)
        #expect(MAD(dirhams: .max) == nil)
    }

    @Test func throttleDelaysInsteadOfLockingOut() {
        let t = LoginThrottle(freeFailuresPerAccount: 5, freeFailuresPerAddress: 20, firstDelay: 15, maxDelay: 900)
        let now = Date()
        let recent = now.addingTimeInterval(-1)
        // free attempts
        #expect(t.decide(account: .init(count: 4, latest: recent), address: .init(count: 19, latest: recent), knownDevice: false, now: now) == .check)
        // then a delay that doubles, counted from the latest failure
        #expect(t.decide(account: .init(count: 5, latest: recent), address: .none, knownDevice: false, now: now) == .wait(seconds: 14))
        #expect(t.decide(account: .init(count: 6, latest: recent), address: .none, knownDevice: false, now: now) == .wait(seconds: 29))
        #expect(t.decide(account: .init(count: 5, latest: now.addingTimeInterval(-16)), address: .none, knownDevice: false, now: now) == .check)
        #expect(t.delay(after: 50, free: 5) == 900)
        // one address: its accounts' known devices are not slowed down, new ones are
        #expect(t.decide(account: .none, address: .init(count: 20, latest: recent), knownDevice: false, now: now) == .wait(seconds: 14))
        #expect(t.decide(account: .init(count: 40, latest: recent), address: .init(count: 200, latest: recent), knownDevice: true, now: now) == .check)
    }

    @Test func sessionsEndWhenIdleOrOld() {
        let l = SessionLifetime(idle: 3600, absolute: 86400, touchEvery: 300)
        let created = Date(timeIntervalSince1970: 1_000_000)
        #expect(!l.isExpired(created: created, seen: created, now: created.addingTimeInterval(3599)))
        #expect(l.isExpired(created: created, seen: created, now: created.addingTimeInterval(3600)))
        // active all day long, still ends a day after sign-in
        #expect(!l.isExpired(created: created, seen: created.addingTimeInterval(86000), now: created.addingTimeInterval(86399)))
        #expect(l.isExpired(created: created, seen: created.addingTimeInterval(86000), now: created.addingTimeInterval(86400)))
        #expect(!l.needsTouch(seen: created, now: created.addingTimeInterval(299)))
        #expect(l.needsTouch(seen: created, now: created.addingTimeInterval(300)))
    }
}
