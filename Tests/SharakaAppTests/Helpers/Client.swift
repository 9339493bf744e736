import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor
import VaporTesting

/// A minimal browser over the in-memory tester: keeps cookies, remembers the
/// last CSRF token it saw in a page and sends it with forms.
final class Client: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?
    var address = "10.0.0.1"

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a urlencoded form, with the remembered CSRF token unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, let token = self.csrf, fields["_csrf"] == nil { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Multipart form with one file.
    @discardableResult
    func postMultipart(_ path: String, _ form: [String: String], file: (field: String, name: String, type: String, data: Data)) async throws -> TestingHTTPResponse {
        let boundary = "----sharaka\(UUID().uuidString)"
        var body = Data()
        var fields = form
        if let token = csrf { fields["_csrf"] = token }
        for (k, v) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        headers.replaceOrAdd(name: "X-Forwarded-For", value: address)
        try await app.testing().test(method, path, headers: headers, body: body, afterResponse: { res in captured = res })
        let res = captured!
        for value in res.headers[.setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if value.lowercased().contains("max-age=0") || value.lowercased().contains("expires=thu, 01 jan 1970") { cookies[parts[0]] = nil }
                else { cookies[parts[0]] = parts[1] }
            }
        }
        let text = res.body.string
        if let range = text.range(of: "name=\"_csrf\" value=\"") {
            let rest = text[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
        return res
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// A new confirmed account, signed in through the real form.
    static func signedIn(_ app: Application, as email: String, role: Role = .citizen, name: String = "Test User", lang: String = "ar") async throws -> Client {
        try await TestFixtures.user(app, email: email, role: role, name: name)
        let client = Client(app)
        try await client.login(email, lang: lang)
        return client
    }

    /// Signs in through the real form.
    func login(_ email: String, password: String = TestFixtures.password, lang: String = "ar") async throws {
        try await get("/\(lang)/login")
        let res = try await post("/\(lang)/login", ["email": email, "password": password])
        #expect(res.status == .seeOther, "login of \(email) failed: \(res.status)")
        try await get("/\(lang)/")
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
}
