"""The workspace's tables, and forward migrations keyed by SQLite's user_version."""

from __future__ import annotations

import sqlite3

# Index i holds the script that takes a workspace from version i to i + 1.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE cameras (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        angle_of_view REAL, elevation REAL, lat REAL, lon REAL,
        is_trustable INTEGER NOT NULL DEFAULT 1,
        last_active_at TEXT, last_image TEXT, created_at TEXT
    );
    CREATE TABLE images (
        sha256 TEXT PRIMARY KEY,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        byte_size INTEGER NOT NULL,
        captured_at TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE TABLE poses (
        id INTEGER PRIMARY KEY,
        camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
        azimuth REAL,
        patrol_id INTEGER,
        active INTEGER NOT NULL DEFAULT 1,
        image_key TEXT,
        image_sha256 TEXT REFERENCES images(sha256),
        masks_pulled_at TEXT
    );
    CREATE INDEX poses_by_camera ON poses(camera_id);
    -- Box corners are stored in thousandths (the server's 3-decimal grid): exact, comparable in SQL.
    CREATE TABLE masks (
        local_id INTEGER PRIMARY KEY,
        pose_id INTEGER NOT NULL,
        server_id INTEGER UNIQUE,
        x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
        added_at TEXT NOT NULL,
        server_created_at TEXT,
        base_x0 INTEGER, base_y0 INTEGER, base_x1 INTEGER, base_y1 INTEGER,
        base_text TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        conflict TEXT,
        theirs_text TEXT,
        notes TEXT NOT NULL DEFAULT '',
        push_attempted_at TEXT,
        push_error TEXT
    );
    CREATE INDEX masks_by_pose ON masks(pose_id);
    """,
    # The sync engine's push journal (docs/adr/0001-sync-outbox.md): one row per request that went out
    # and whose answer is not recorded yet, with exactly what was sent. It outlives the mask row on
    # purpose (a mask deleted or restored by undo while its create was in flight).
    """
    CREATE TABLE push_attempts (
        local_id INTEGER PRIMARY KEY,
        pose_id INTEGER NOT NULL,
        op TEXT NOT NULL,
        server_id INTEGER,
        sent_text TEXT,
        attempted_at TEXT NOT NULL
    );
    CREATE INDEX push_attempts_by_pose ON push_attempts(pose_id);
    """,
    # Creates sent again after a send went unanswered (records.CreateInDoubt): the unanswered send
    # may still land late, and its copy is then ours to delete. Kept apart from push_attempts, which
    # holds one request in flight per row and is emptied by the pull that settles it.
    """
    CREATE TABLE creates_in_doubt (
        id INTEGER PRIMARY KEY,
        local_id INTEGER NOT NULL,
        pose_id INTEGER NOT NULL,
        sent_text TEXT NOT NULL,
        first_attempt_at TEXT NOT NULL,
        last_attempt_at TEXT NOT NULL,
        unaccounted INTEGER NOT NULL
    );
    CREATE INDEX creates_in_doubt_by_pose ON creates_in_doubt(pose_id);
    """,
    # Fleet scale (16,000 poses, 160,000 masks): the browser's counts, re-read after every edit, read
    # an index instead of every row. Pending masks are few: a partial index holds only them (its
    # WHERE is PENDING_SQL, word for word, so that SQLite can use it); (pose_id, deleted) covers
    # the count of live masks per pose.
    """
    CREATE INDEX masks_pending_by_pose ON masks(pose_id) WHERE
        (conflict IS NOT NULL OR deleted OR server_id IS NULL
         OR x0 IS NOT base_x0 OR y0 IS NOT base_y0 OR x1 IS NOT base_x1 OR y1 IS NOT base_y1);
    CREATE INDEX masks_live_by_pose ON masks(pose_id, deleted);
    """,
    # Drift (issue 14): every image a pose had, dated (taken_at: the key's upload time, else the fetch
    # time), and per mask the image it was drawn or last confirmed on (NULL: not known, see history.py).
    """
    CREATE TABLE pose_images (
        pose_id INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES images(sha256),
        taken_at TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (pose_id, sha256)
    );
    CREATE INDEX pose_images_by_time ON pose_images(pose_id, taken_at);
    ALTER TABLE masks ADD COLUMN drawn_on TEXT;
    INSERT OR IGNORE INTO pose_images(pose_id, sha256, taken_at, source)
        SELECT p.id, p.image_sha256, COALESCE(i.captured_at, i.fetched_at), 'pose'
        FROM poses p JOIN images i ON i.sha256 = p.image_sha256;
    """,
    # Local ids are never handed out twice (AUTOINCREMENT): SQLite reuses max(rowid) + 1 once the
    # highest row is deleted, and an undo that puts a mask back under its id then landed on another
    # pose's mask. The counter starts above every id still known, the journal's and the creates in
    # doubt's included. The rebuild keeps every column and index of the versions before.
    """
    CREATE TABLE masks_v6 (
        local_id INTEGER PRIMARY KEY AUTOINCREMENT,
        pose_id INTEGER NOT NULL,
        server_id INTEGER UNIQUE,
        x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
        added_at TEXT NOT NULL,
        server_created_at TEXT,
        base_x0 INTEGER, base_y0 INTEGER, base_x1 INTEGER, base_y1 INTEGER,
        base_text TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        conflict TEXT,
        theirs_text TEXT,
        notes TEXT NOT NULL DEFAULT '',
        push_attempted_at TEXT,
        push_error TEXT,
        drawn_on TEXT
    );
    INSERT INTO masks_v6 SELECT local_id, pose_id, server_id, x0, y0, x1, y1, added_at, server_created_at,
        base_x0, base_y0, base_x1, base_y1, base_text, deleted, conflict, theirs_text, notes,
        push_attempted_at, push_error, drawn_on FROM masks;
    DROP TABLE masks;
    ALTER TABLE masks_v6 RENAME TO masks;
    CREATE INDEX masks_by_pose ON masks(pose_id);
    CREATE INDEX masks_pending_by_pose ON masks(pose_id) WHERE
        (conflict IS NOT NULL OR deleted OR server_id IS NULL
         OR x0 IS NOT base_x0 OR y0 IS NOT base_y0 OR x1 IS NOT base_x1 OR y1 IS NOT base_y1);
    CREATE INDEX masks_live_by_pose ON masks(pose_id, deleted);
    DELETE FROM sqlite_sequence WHERE name IN ('masks', 'masks_v6');
    INSERT INTO sqlite_sequence(name, seq) VALUES ('masks', MAX(
        COALESCE((SELECT MAX(local_id) FROM masks), 0),
        COALESCE((SELECT MAX(local_id) FROM push_attempts), 0),
        COALESCE((SELECT MAX(local_id) FROM creates_in_doubt), 0)));
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

# Mask.state (records.py) in SQL; tests/workspace/test_state_rule.py holds the two equal.
STATE_SQL = """
    CASE
        WHEN conflict IS NOT NULL THEN 'conflict'
        WHEN deleted THEN 'deleted'
        WHEN server_id IS NULL THEN 'new'
        WHEN x0 IS NOT base_x0 OR y0 IS NOT base_y0 OR x1 IS NOT base_x1 OR y1 IS NOT base_y1
            THEN 'edited'
        ELSE 'synced'
    END
"""

# The complement of 'synced' in STATE_SQL: the masks that wait for a push or a decision. A filter
# before any grouping, so counts over a fleet's 160,000 masks only group the few pending ones.
PENDING_SQL = """
    (conflict IS NOT NULL OR deleted OR server_id IS NULL
     OR x0 IS NOT base_x0 OR y0 IS NOT base_y0 OR x1 IS NOT base_x1 OR y1 IS NOT base_y1)
"""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations, each in its own transaction; returns the version reached."""
    version = schema_version(conn)
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
    return version


def _statements(script: str) -> list[str]:
    # executescript() commits behind our back; running statement by statement keeps a migration atomic.
    # Migration scripts therefore hold no ';' inside comments or strings.
    return [s.strip() for s in script.split(";") if s.strip()]
