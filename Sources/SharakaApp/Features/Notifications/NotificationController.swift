import Fluent
import SharakaCore
import Vapor

/// The notification list, the e-mail preference, and following things.
enum NotificationController {
    @Sendable static func index(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 30)
        let base = Notification.query(on: req.db).filter(\.$user.$id == user.id!)
        let total = try await base.copy().count()
        let items = try await base.sort(\.$createdAt, .descending).sort(\.$id).range(page.offset..<(page.offset + page.per)).all()
        return await req.render(NotificationPages.index(req.t, items: items, total: total, page: page,
                                                        preference: EmailPreference(rawValue: user.emailNotifications) ?? .immediate))
    }

    @Sendable static func markRead(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await Notification.query(on: req.db).filter(\.$user.$id == user.id!).filter(\.$readAt == nil).set(\.$readAt, to: Date()).update()
        req.flash(req.t(.notificationsMarkedRead))
        return req.redirect(to: SiteURL.notifications.path(req.language))
    }

    /// Opening a notification marks it read and goes to what it is about.
    @Sendable static func open(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self),
              let n = try await Notification.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.id!).first(),
              let target = FollowTarget(rawValue: n.targetKind)
        else { throw Abort(.notFound) }
        if n.readAt == nil { n.readAt = Date(); try await n.save(on: req.db) }
        return req.redirect(to: Notifier.url(target, n.targetID).path(req.language))
    }

    @Sendable static func preferences(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let pref = (try? req.content.get(String.self, at: "email")).flatMap(EmailPreference.init(rawValue:)) else {
            throw Refusal(.unprocessableEntity, .errUnknownChoice)
        }
        user.emailNotifications = pref.rawValue
        try await user.save(on: req.db)
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.notifications.path(req.language))
    }

    @Sendable static func follow(req: Request) async throws -> Response { try await changeFollow(req, on: true) }
    @Sendable static func unfollow(req: Request) async throws -> Response { try await changeFollow(req, on: false) }

    private static func changeFollow(_ req: Request, on: Bool) async throws -> Response {
        let user = try req.requireUser()
        guard let target = (try? req.content.get(String.self, at: "target_kind")).flatMap(FollowTarget.init(rawValue:)),
              let id = (try? req.content.get(String.self, at: "target_id")).flatMap(UUID.init(uuidString:))
        else { throw Abort(.badRequest) }
        guard try await exists(target, id, on: req.db) else { throw Abort(.notFound) }
        if on { try await Notifier.follow(user.id!, target, id, on: req.db) } else { try await Notifier.unfollow(user.id!, target, id, on: req.db) }
        req.flash(req.t(on ? .followDone : .unfollowDone))
        return req.redirect(to: Notifier.url(target, id).path(req.language))
    }

    private static func exists(_ target: FollowTarget, _ id: UUID, on db: any Database) async throws -> Bool {
        switch target {
        case .process: try await ParticipatoryProcess.query(on: db).filter(\.$id == id).filter(\.$status != "draft").count() > 0
        case .proposal: try await Proposal.find(id, on: db) != nil
        case .meeting: try await Meeting.find(id, on: db) != nil
        case .commitment: try await Commitment.find(id, on: db) != nil
        }
    }
}
