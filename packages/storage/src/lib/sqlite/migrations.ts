/**
 * Versioned schema migrations, applied in order at start-up. Never edit a released entry:
 * add a new one. `PRAGMA user_version` records how far a database has come.
 */
export const sqliteMigrations: readonly string[] = [
  // 1: accounts, workspaces, documents, update log, audit
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX members_user ON members(user_id);
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
  );
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    template TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE INDEX documents_workspace ON documents(workspace_id);
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_doc ON doc_updates(doc_id, seq);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    document_id TEXT,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX audit_document ON audit(document_id, id);
  CREATE INDEX audit_workspace ON audit(workspace_id, id);
  `,
  // 2: document versions (snapshots) and @mentions in comments
  `
  CREATE TABLE doc_versions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    snapshot BLOB NOT NULL
  );
  CREATE INDEX doc_versions_doc ON doc_versions(doc_id, created_at);
  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (message_id, user_id)
  );
  CREATE INDEX mentions_user ON mentions(user_id, id);
  `,
  // 3: mentions are looked up per document when comments are deleted
  `
  CREATE INDEX mentions_document ON mentions(document_id, message_id);
  `,
  // 4: invitations get a public id (to list and withdraw them) and can be revoked
  `
  ALTER TABLE invitations ADD COLUMN id TEXT;
  ALTER TABLE invitations ADD COLUMN revoked_at TEXT;
  UPDATE invitations SET id = lower(hex(randomblob(16)));
  CREATE UNIQUE INDEX invitations_id ON invitations(id);
  CREATE INDEX invitations_workspace ON invitations(workspace_id, email);
  `,
  // 5: a mention is unique per document, thread, message id, author and user (not per message id
  // and user across all documents, where a message elsewhere with the same id blocked it).
  // SQLite cannot drop a table constraint: the table is rebuilt, ids (and AUTOINCREMENT) kept.
  `
  CREATE TABLE mentions_by_message (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (document_id, thread_id, message_id, author_id, user_id)
  );
  INSERT INTO mentions_by_message (id, user_id, workspace_id, document_id, thread_id, message_id, author_id, excerpt, created_at, read_at)
    SELECT id, user_id, workspace_id, document_id, thread_id, message_id, author_id, excerpt, created_at, read_at FROM mentions;
  DROP TABLE mentions;
  ALTER TABLE mentions_by_message RENAME TO mentions;
  CREATE INDEX mentions_user ON mentions(user_id, id);
  CREATE INDEX mentions_document ON mentions(document_id, message_id);
  `,
  // 6: the owner of each Yjs client id per document, so a restart keeps them (see ClientIdStore)
  `
  CREATE TABLE client_ids (
    document_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (document_id, client_id)
  );
  `,
  // 7: a review version waiting for its document's window, so a crash does not lose it (see VersionStore)
  `
  CREATE TABLE pending_reviews (
    doc_id TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    sections TEXT NOT NULL,
    created_by TEXT
  );
  `,
]
