import SharakaCore
import Vapor

/// Turns every error into a page in the user's language, or, under /api, into
/// RFC 9457 problem details. Internal details never reach the client.
struct SharakaErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    struct Problem: Content {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var instance: String?
        var errors: [String: String]?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var status: HTTPStatus
            var headers = HTTPHeaders()
            var reason: String?
            switch error {
            case let abort as any AbortError:
                status = abort.status
                headers = abort.headers
                reason = abort.reason
            case is DecodingError:
                status = .badRequest
            default:
                status = .internalServerError
            }
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            if status.code >= 300 && status.code < 400 { return Response(status: status, headers: headers) }
            // A path that exists under other methods: 405 with the methods it has.
            if error is RouteNotFound,
               let allowed = request.application.routeMethods.methods(for: request.url.path), !allowed.isEmpty,
               !allowed.contains(request.method.rawValue) {
                status = .methodNotAllowed
                headers.replaceOrAdd(name: .allow, value: allowed.sorted().joined(separator: ", "))
            }
            let response = request.url.path.hasPrefix("/api/") || request.headers.accept.mediaTypes.first == .json
                ? problem(request, status, reason)
                : await page(request, status, refusal: error as? Refusal)
            // Headers the error carries (WWW-Authenticate on a 401, Allow, Retry-After) go out with it.
            for (name, value) in headers where name.lowercased() != "content-type" && name.lowercased() != "content-length" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        }
    }

    private func problem(_ request: Request, _ status: HTTPStatus, _ reason: String?) -> Response {
        let body = Problem(
            type: "about:blank", title: status.reasonPhrase, status: Int(status.code),
            detail: status == .internalServerError ? nil : reason,
            instance: request.url.path)
        let response = Response(status: status)
        try? response.content.encode(body, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return response
    }

    private func page(_ request: Request, _ status: HTTPStatus, refusal: Refusal?) async -> Response {
        let t = request.t
        let (title, text): (L10nKey, L10nKey) = switch status.code {
        case 404: (.error404Title, .error404Text)
        case 403: (.error403Title, .error403Text)
        case 409: (.error409Title, .error409Text)
        case 413: (.error413Title, .error413Text)
        case 400, 405, 414, 415, 422, 431: (.error400Title, .error400Text)
        case 429: (.error429Title, .error429Text)
        default: (.error500Title, .error500Text)
        }
        let ctx = await request.pageContext()
        let content = H.section([.cls("error-page")],
            H.h1(t(title)), H.p(t(refusal?.key ?? text, ["max": t(.megabytes, ["n": t.number(request.application.settings.maxUploadBytes / 1_048_576)])])),
            refusal != nil ? H.p(t(.errorNothingChanged)) : H.empty,
            H.p([], H.a(t(.errorBackHome), href: ctx.url(.home))),
            H.p(t(.errorReference, ["id": request.id]), [.cls("muted")]))
        return Page(title: t(title), content: content, status: status).render(ctx)
    }
}
