"""The SQLite schema and its migrations (``PRAGMA user_version`` counts them).

Each migration is a SQL script applied once, in order, inside a transaction.
Datetimes are stored as ISO 8601 strings in UTC (``2026-11-30T10:00:00+00:00``),
which sort correctly as text.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: the monitor
    """
    CREATE TABLE sources (
        name TEXT PRIMARY KEY, url TEXT NOT NULL, kind TEXT NOT NULL,
        first_polled_at TEXT, last_checked_at TEXT, last_ok_at TEXT,
        last_error_at TEXT, last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0, checks INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, updated_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        url TEXT PRIMARY KEY, source TEXT NOT NULL, first_seen TEXT NOT NULL,
        last_checked TEXT NOT NULL, last_changed TEXT NOT NULL, title TEXT,
        published TEXT, updated TEXT, language TEXT, authors TEXT,
        revisions INTEGER NOT NULL, content_hash TEXT NOT NULL, story_id TEXT
    );
    CREATE TABLE aliases (url TEXT PRIMARY KEY, article_url TEXT NOT NULL);
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY, url TEXT NOT NULL, number INTEGER NOT NULL,
        fetched_at TEXT NOT NULL, title TEXT, body TEXT NOT NULL,
        published TEXT, updated TEXT, content_hash TEXT NOT NULL,
        changed TEXT NOT NULL, diff TEXT NOT NULL DEFAULT '',
        UNIQUE (url, number)
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, created_at TEXT NOT NULL,
        source TEXT NOT NULL, article_url TEXT, payload TEXT NOT NULL
    );
    CREATE INDEX events_created ON events (created_at);
    CREATE TABLE deliveries (
        id TEXT PRIMARY KEY, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
        webhook TEXT NOT NULL, body BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL, next_attempt_at TEXT, delivered_at TEXT,
        last_error TEXT, last_status INTEGER
    );
    CREATE INDEX deliveries_pending ON deliveries (delivered_at, next_attempt_at);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, url TEXT NOT NULL,
        at TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL
    );
    CREATE INDEX errors_source ON errors (source, at);
    """,
    # 2: stories (follow-up detection)
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL, terms TEXT NOT NULL DEFAULT '[]',
        followed INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE story_docs (
        article_url TEXT PRIMARY KEY, story_id TEXT NOT NULL, published TEXT NOT NULL,
        doc TEXT NOT NULL, score REAL, evidence TEXT
    );
    CREATE INDEX story_docs_story ON story_docs (story_id, published);
    CREATE INDEX story_docs_published ON story_docs (published);
    CREATE TABLE story_corrections (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL,
        story_id TEXT, other TEXT, article_url TEXT
    );
    """,
    # 3: removed articles (404 Not Found / 410 Gone); the open mark is on the
    # article row, every removal period is kept in `removals` for `history`
    """
    ALTER TABLE articles ADD COLUMN removed_at TEXT;
    ALTER TABLE articles ADD COLUMN removed_status INTEGER;
    CREATE TABLE removals (
        id INTEGER PRIMARY KEY, url TEXT NOT NULL, removed_at TEXT NOT NULL,
        status INTEGER NOT NULL, revision INTEGER NOT NULL, restored_at TEXT
    );
    CREATE INDEX removals_url ON removals (url, removed_at);
    """,
    # 4: a delivery being sent is claimed until a time, so that two processes
    # delivering from one database (the daemon and `scraper deliver`) do not both
    # send it; a claim left by a process that died simply runs out
    """
    ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
    """,
    # 5: hosts that asked to be left alone (429/503 Retry-After), kept across
    # processes so a `scraper check` run from cron honours them too
    """
    CREATE TABLE host_holds (host TEXT PRIMARY KEY, until TEXT NOT NULL, status INTEGER NOT NULL);
    """,
)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this database has not had yet.

    The version is read and the migrations applied inside one ``BEGIN
    IMMEDIATE`` transaction, so two processes opening a new database at the
    same moment (the daemon and a ``scraper history`` reader) cannot both try
    to create the tables: the second waits for the lock, then sees the new
    version and does nothing.

    Args:
        conn: an open connection in autocommit mode (``isolation_level=None``).

    Returns:
        The schema version after migrating.

    Raises:
        sqlite3.Error: the caller (the store) maps it to StoreError.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in script.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            version = number
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version
