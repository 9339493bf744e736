import Fluent
import Vapor

/// Every migration, in the order it must run. Append only: a released migration is never edited.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateRegion())
        app.migrations.add(CreateUsers())
        app.migrations.add(CreateOrganisations())
        app.migrations.add(CreateAccountTokens())
        app.migrations.add(CreateOutbox())
        app.migrations.add(CreateFiles())
        app.migrations.add(CreateProcesses())
        app.migrations.add(CreateProposals())
        app.migrations.add(CreateComments())
        app.migrations.add(CreateAnswers())
        app.migrations.add(CreateNotifications())
        app.migrations.add(CreateMeetings())
        app.migrations.add(CreateScheduledJobs())
        app.migrations.add(CreateModeration())
        app.migrations.add(CreateSearch())
        app.migrations.add(CreateAPITokens())
        app.migrations.add(IndexProposalLists())
        app.migrations.add(CreateActionPlans())
        app.migrations.add(CreateAssessments())
        app.migrations.add(CreatePlanDocuments())
        app.migrations.add(SecurityHardening())
        app.migrations.add(SupportCounter())
        app.migrations.add(KeysetProposalLists())
        app.migrations.add(CreateNotificationEvents())
        app.migrations.add(NotificationEventCursor())
        app.migrations.add(UserLastSignIn())
        app.migrations.add(TermsInTheirLanguages())
    }
}
