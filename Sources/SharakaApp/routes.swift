import Vapor

/// Registers each feature's routes, nothing else.
func routes(_ app: Application) throws {
    do { // platform
        app.get(use: HomeController.root)
        app.get("healthz", use: HealthController.live)
        app.get("readyz", use: HealthController.ready)
        app.get("files", ":sha256", use: FileController.show)
        app.get("files", ":sha256", ":name", use: FileController.show)
    }

    do { // JSON API
        let api = app.grouped("api", "v1").grouped(PageCacheMiddleware())
        APIRoutes.register(api)
    }

    let site = app.grouped(":lang").grouped(LocaleMiddleware()).grouped(PageCacheMiddleware())
    let forms = site.grouped(CSRF.Middleware())
    func get(_ url: SiteURL, _ handler: @escaping @Sendable (Request) async throws -> Response) {
        site.get(SiteURL.pattern(url), use: handler)
    }
    func post(_ url: SiteURL, _ handler: @escaping @Sendable (Request) async throws -> Response) {
        forms.post(SiteURL.pattern(url), use: handler)
    }
    let id = SiteURL.placeholder, member = SiteURL.placeholderB

    do { // home and directory
        get(.home, HomeController.show)
        get(.organisations, OrganisationController.index)
        get(.organisation(id), OrganisationController.show)
    }

    do { // terms, personal data, accessibility
        get(.terms, LegalController.show(.terms))
        get(.privacy, LegalController.show(.privacy))
        get(.accessibility, LegalController.show(.accessibility))
    }

    do { // participatory processes
        get(.processes, ProcessController.index)
        post(.processes, ProcessController.create)
        get(.processNew, ProcessController.new)
        get(.process(id), ProcessController.show)
        get(.processEdit(id), ProcessController.edit)
        post(.processEdit(id), ProcessController.update)
        post(.processPhases(id), ProcessController.addPhase)
        post(.processPhaseRemove(id, member), ProcessController.removePhase)
    }

    do { // proposals
        get(.processProposals(id), ProposalController.index)
        post(.processProposals(id), ProposalController.create)
        get(.proposalNew(id), ProposalController.new)
        get(.proposal(id), ProposalController.show)
        get(.proposalEdit(id), ProposalController.edit)
        post(.proposalEdit(id), ProposalController.update)
        post(.proposalWithdraw(id), ProposalController.withdraw)
        post(.proposalSupport(id), ProposalController.support)
        post(.proposalUnsupport(id), ProposalController.unsupport)
    }

    do { // reasoned responses
        post(.proposalAnswer(id), AnswerController.answer)
        get(.proposalMerge(id), AnswerController.mergeForm)
        post(.proposalMerge(id), AnswerController.merge)
        get(.processDashboard(id), AnswerController.dashboard)
    }

    do { // meetings
        get(.meetings(id), MeetingController.index)
        post(.meetings(id), MeetingController.create)
        get(.meetingNew(id), MeetingController.new)
        get(.meeting(id), MeetingController.show)
        get(.meetingEdit(id), MeetingController.edit)
        post(.meetingEdit(id), MeetingController.update)
        post(.meetingRegister(id), MeetingController.register)
        post(.meetingCancel(id), MeetingController.cancel)
        get(.meetingAttendance(id), MeetingController.attendanceForm)
        post(.meetingAttendance(id), MeetingController.saveAttendance)
        get(.meetingAttendees(id), MeetingController.attendees)
        get(.meetingMinutes(id), MeetingController.minutesForm)
        post(.meetingMinutes(id), MeetingController.saveMinutes)
        get(.meetingICS(id), MeetingController.meetingCalendar)
        get(.processICS(id), MeetingController.processCalendar)
    }

    do { // notifications and follows
        get(.notifications, NotificationController.index)
        get(.notification(id), NotificationController.open)
        post(.notificationsRead, NotificationController.markRead)
        post(.notificationsPreferences, NotificationController.preferences)
        post(.follow, NotificationController.follow)
        post(.unfollow, NotificationController.unfollow)
    }

    do { // search
        get(.search, SearchController.show)
    }
    do { // action plans and monitoring
        get(.plans, PlanController.index)
        get(.plan(id), PlanController.show)
        get(.commitment(id), PlanController.commitment)
        get(.commitmentHistory(id), PlanController.history)
        get(.auditGuide, HistoryController.guide)
        get(.milestoneProgress(id), ProgressController.form)
        post(.milestoneProgress(id), ProgressController.report)
        get(.planDashboard(id), DashboardController.show)
        get(.progressUpdate(id), ProgressController.show)
        get(.planAssessment(id), AssessmentController.workspace)
        post(.planAssessmentPublish(id), AssessmentController.publish)
        get(.commitmentAssessment(id), AssessmentController.form)
        post(.commitmentAssessment(id), AssessmentController.save)
        get(.planReports(id), AssessmentController.reports)
        get(.assessmentReport(id), AssessmentController.report)
        get(.planCommitmentsCSV(id), ExportController.commitmentsCSV)
        get(.planMilestonesCSV(id), ExportController.milestonesCSV)
        get(.planFeed(id), ExportController.planFeed)
        get(.commitmentFeed(id), ExportController.commitmentFeed)
        get(.planPrint(id), PrintController.show)
        get(.planNew, PlanAdminController.newPlan)
        post(.planNew, PlanAdminController.createPlan)
        get(.planEdit(id), PlanAdminController.editPlan)
        post(.planEdit(id), PlanAdminController.updatePlan)
        post(.planStatus(id), PlanAdminController.changeStatus)
        post(.planDocuments(id), PlanAdminController.addDocument)
        get(.planRevisions(id), PlanAdminController.revisions)
        get(.planCompare(id), PlanAdminController.compare)
        get(.commitmentNew(id), PlanAdminController.newCommitment)
        post(.commitmentNew(id), PlanAdminController.createCommitment)
        get(.commitmentEdit(id), PlanAdminController.editCommitment)
        post(.commitmentEdit(id), PlanAdminController.updateCommitment)
        get(.milestoneNew(id), PlanAdminController.newMilestone)
        post(.milestoneNew(id), PlanAdminController.createMilestone)
        get(.milestoneEdit(id), PlanAdminController.editMilestone)
        post(.milestoneEdit(id), PlanAdminController.updateMilestone)
    }

    do { // moderation
        post(.report, ModerationController.report)
        get(.moderation, ModerationController.queue)
        post(.moderationDecide(id), ModerationController.decide)
    }

    do { // comments
        post(.comments, CommentController.create)
        get(.commentEdit(id), CommentController.editForm)
        post(.commentEdit(id), CommentController.update)
        post(.commentDelete(id), CommentController.delete)
        post(.commentVote(id), CommentController.vote)
    }

    do { // accounts
        get(.register, AccountController.registerForm)
        post(.register, AccountController.register)
        get(.confirmEmail, AccountController.confirm)
        get(.confirmResend, ConfirmationResendController.form)
        post(.confirmResend, ConfirmationResendController.send)
        get(.login, AccountController.loginForm)
        post(.login, AccountController.login)
        post(.logout, AccountController.logout)
        get(.loginLink, SignInLinkController.form)
        post(.loginLink, SignInLinkController.send)
        get(.loginLinkUse, SignInLinkController.confirm)
        post(.loginLinkUse, SignInLinkController.use)
        get(.passwordForgot, AccountController.forgotForm)
        post(.passwordForgot, AccountController.forgot)
        get(.passwordReset, AccountController.resetForm)
        post(.passwordReset, AccountController.reset)
        get(.account, MyAccountController.show)
        post(.accountProfile, MyAccountController.updateProfile)
        post(.accountPassword, MyAccountController.changePassword)
        post(.accountDelete, MyAccountController.delete)
        get(.accountExport, MyAccountController.export)
        get(.accountData, MyAccountController.data)
        get(.accountTokens, APITokenController.index)
        post(.accountTokens, APITokenController.create)
        post(.accountTokenRevoke(id), APITokenController.revoke)
    }

    do { // administration
        get(.adminUsers, AdminUsersController.index)
        post(.adminUserRole(id), AdminUsersController.changeRole)
        post(.adminUserBlock(id), AdminUsersController.toggleBlock)
        post(.adminUserConfirm(id), AdminUsersController.confirm)
        get(.adminOrganisations, AdminOrganisationsController.index)
        post(.adminOrganisations, AdminOrganisationsController.create)
        get(.adminOrganisationNew, AdminOrganisationsController.new)
        get(.adminOrganisation(id), AdminOrganisationsController.edit)
        post(.adminOrganisation(id), AdminOrganisationsController.update)
        post(.adminOrganisationMembers(id), AdminOrganisationsController.addMember)
        post(.adminOrganisationMemberRemove(id, member), AdminOrganisationsController.removeMember)
        get(.adminRegion, AdminRegionController.edit)
        post(.adminRegion, AdminRegionController.update)
        post(.adminProvince(id), AdminRegionController.updateProvince)
        get(.adminOutbox, AdminOutboxController.index)
    }
}
