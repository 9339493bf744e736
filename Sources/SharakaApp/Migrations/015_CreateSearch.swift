import Fluent
import SQLKit

/// One row per searchable thing, with its terms made by SearchText. SQLite indexes the
/// terms with an external-content FTS5 table kept in step by triggers; PostgreSQL with a
/// generated tsvector built from the terms as they are (no parser, no dictionary), so
/// both engines match exactly the same words.
struct CreateSearch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE TABLE search_documents (
                  seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, target_id UUID NOT NULL, parent_kind TEXT, parent_id UUID, process_id UUID,
                  title TEXT NOT NULL, body TEXT NOT NULL, terms TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL,
                  tsv tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(terms, ' '))) STORED,
                  UNIQUE (kind, target_id))
                """).run()
            try await sql.raw("CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)").run()
        } else {
            try await sql.raw("""
                CREATE TABLE search_documents (
                  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, target_id BLOB NOT NULL, parent_kind TEXT, parent_id BLOB, process_id BLOB,
                  title TEXT NOT NULL, body TEXT NOT NULL, terms TEXT NOT NULL, created_at REAL NOT NULL,
                  UNIQUE (kind, target_id))
                """).run()
            try await sql.raw("CREATE VIRTUAL TABLE search_fts USING fts5(terms, content='search_documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')").run()
            try await sql.raw("CREATE TRIGGER search_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, terms) VALUES (new.seq, new.terms); END").run()
            try await sql.raw("CREATE TRIGGER search_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.seq, old.terms); END").run()
            try await sql.raw("""
                CREATE TRIGGER search_au AFTER UPDATE ON search_documents BEGIN
                  INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.seq, old.terms);
                  INSERT INTO search_fts(rowid, terms) VALUES (new.seq, new.terms);
                END
                """).run()
        }
        try await sql.raw("CREATE INDEX search_documents_process ON search_documents (process_id, kind)").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name != "postgresql" { try await sql.raw("DROP TABLE search_fts").run() }
        try await sql.raw("DROP TABLE search_documents").run()
    }
}
