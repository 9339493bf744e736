import Fluent
import SQLKit

/// A proposal's support counter moves with the supports table itself: a trigger adds one
/// for each row inserted and takes one away for each row deleted, in the statement's own
/// transaction. Adding a support is then one statement that decides and writes (an
/// INSERT … SELECT that re-checks the proposal, ON CONFLICT DO NOTHING for the second
/// click), and deleted accounts' supports leave the counters right.
struct SupportCounter: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE FUNCTION supports_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    UPDATE proposals SET supports_count = supports_count + 1 WHERE id = NEW.proposal_id;
                    RETURN NEW;
                  END IF;
                  UPDATE proposals SET supports_count = supports_count - 1 WHERE id = OLD.proposal_id;
                  RETURN OLD;
                END $$
                """).run()
        }
        try await Self.createTriggers(sql)
        try await sql.raw("UPDATE proposals SET supports_count = (SELECT COUNT(*) FROM supports s WHERE s.proposal_id = proposals.id)").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await Self.dropTriggers(sql)
        if sql.dialect.name == "postgresql" { try await sql.raw("DROP FUNCTION supports_count_change()").run() }
    }

    static func createTriggers(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE TRIGGER supports_count AFTER INSERT OR DELETE ON supports FOR EACH ROW EXECUTE FUNCTION supports_count_change()").run()
        } else {
            try await sql.raw("CREATE TRIGGER supports_count_ai AFTER INSERT ON supports BEGIN UPDATE proposals SET supports_count = supports_count + 1 WHERE id = new.proposal_id; END").run()
            try await sql.raw("CREATE TRIGGER supports_count_ad AFTER DELETE ON supports BEGIN UPDATE proposals SET supports_count = supports_count - 1 WHERE id = old.proposal_id; END").run()
        }
    }

    /// For bulk loads that set the counters themselves (`sharaka bench-seed`).
    static func dropTriggers(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER supports_count ON supports").run()
        } else {
            try await sql.raw("DROP TRIGGER supports_count_ai").run()
            try await sql.raw("DROP TRIGGER supports_count_ad").run()
        }
    }
}
