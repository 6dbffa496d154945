-- Schema v7: members' engagement (score and level, kept in the row so the members table sorts and
-- filters by them in SQL), shared settings such as the engagement formula, and the journal that
-- lets a merge or a deletion of members be undone, also after a restart.

ALTER TABLE members ADD COLUMN engagement_score DOUBLE PRECISION NOT NULL DEFAULT 0;
-- 0 inactive, 1 exploring, 2 participating, 3 contributing, 4 leading.
ALTER TABLE members ADD COLUMN engagement_level INTEGER NOT NULL DEFAULT 0;
CREATE INDEX members_engagement_idx ON members (engagement_level, engagement_score);
-- A member's posts in a time window with their discussions, read from the index alone when the
-- engagement is computed (id for PostgreSQL; SQLite keeps the row id in every index anyway).
CREATE INDEX posts_activity_idx ON posts (author_id, created_at, discussion_id, id);

-- Settings the whole team shares (one database, one formula).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One undoable change of members: a merge (others folded into kept_member_id) or a deletion.
CREATE TABLE member_journal (
    id {{PK}},
    action TEXT NOT NULL CHECK (action IN ('merge', 'delete')),
    kept_member_id BIGINT,
    created_at BIGINT NOT NULL
);

-- The member rows the change removed, column for column, to put back on undo.
CREATE TABLE journal_members (
    journal_id BIGINT NOT NULL REFERENCES member_journal (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    display_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    email TEXT,
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version INTEGER NOT NULL,
    post_count INTEGER NOT NULL,
    replies_given INTEGER NOT NULL,
    replies_received INTEGER NOT NULL,
    mentions_received INTEGER NOT NULL,
    first_seen BIGINT,
    last_seen BIGINT,
    engagement_score DOUBLE PRECISION NOT NULL,
    engagement_level INTEGER NOT NULL,
    PRIMARY KEY (journal_id, id)
);

-- The identity rows a deletion removed (a merge moves them instead).
CREATE TABLE journal_identities (
    journal_id BIGINT NOT NULL REFERENCES member_journal (id) ON DELETE CASCADE,
    id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    source_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    normalized TEXT NOT NULL,
    display_name TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (journal_id, id)
);

-- What moved: item names the table ('identity', 'post', 'mention', 'assessor': row_id is that
-- row's id; 'tag': the member from_member_id had tag row_id; 'tag_added': the kept member got tag
-- row_id from the merge), from_member_id the member it belonged to before.
CREATE TABLE journal_moves (
    journal_id BIGINT NOT NULL REFERENCES member_journal (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    row_id BIGINT NOT NULL,
    from_member_id BIGINT NOT NULL,
    PRIMARY KEY (journal_id, item, row_id, from_member_id)
);
