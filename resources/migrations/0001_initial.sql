-- Schema v1: members and their identities, discussions and posts, feeds, maturity assessments.
-- Portable SQL for SQLite and PostgreSQL; {{PK}} is expanded by SqlDialect. Times are Unix
-- seconds (UTC) in BIGINT columns, flags are INTEGER 0/1.

CREATE TABLE sources (
    id {{PK}},
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, name)
);

CREATE TABLE members (
    id {{PK}},
    display_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    email TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    post_count INTEGER NOT NULL DEFAULT 0,
    replies_given INTEGER NOT NULL DEFAULT 0,
    replies_received INTEGER NOT NULL DEFAULT 0,
    mentions_received INTEGER NOT NULL DEFAULT 0,
    first_seen BIGINT,
    last_seen BIGINT
);
CREATE INDEX members_sort_name_idx ON members (sort_name);
-- Sort keys of the members table, written exactly as MemberRepository orders by them.
CREATE INDEX members_last_seen_idx ON members ((COALESCE(last_seen, 0)));
CREATE INDEX members_first_seen_idx ON members ((COALESCE(first_seen, 0)));
CREATE INDEX members_post_count_idx ON members (post_count);
CREATE INDEX members_replies_given_idx ON members (replies_given);
CREATE INDEX members_replies_received_idx ON members (replies_received);
CREATE INDEX members_mentions_received_idx ON members (mentions_received);
CREATE INDEX members_email_idx ON members (email);

CREATE TABLE identities (
    id {{PK}},
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('handle', 'email', 'url', 'name')),
    value TEXT NOT NULL,
    normalized TEXT NOT NULL,
    display_name TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (source_id, kind, normalized)
);
CREATE INDEX identities_member_idx ON identities (member_id, kind);
CREATE INDEX identities_lookup_idx ON identities (kind, normalized);

CREATE TABLE tags (
    id {{PK}},
    name TEXT NOT NULL,
    normalized TEXT NOT NULL UNIQUE,
    color TEXT
);

CREATE TABLE member_tags (
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (member_id, tag_id)
);
CREATE INDEX member_tags_tag_idx ON member_tags (tag_id);

CREATE TABLE discussions (
    id {{PK}},
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    created_at BIGINT NOT NULL,
    last_post_at BIGINT,
    post_count INTEGER NOT NULL DEFAULT 0,
    participant_count INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source_id, external_id)
);
CREATE INDEX discussions_last_post_idx ON discussions ((COALESCE(last_post_at, 0)));
CREATE INDEX discussions_created_idx ON discussions (created_at);
CREATE INDEX discussions_post_count_idx ON discussions (post_count);
CREATE INDEX discussions_participant_count_idx ON discussions (participant_count);
CREATE INDEX discussions_title_idx ON discussions ((LOWER(title)));

CREATE TABLE discussion_tags (
    discussion_id BIGINT NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (discussion_id, tag_id)
);
CREATE INDEX discussion_tags_tag_idx ON discussion_tags (tag_id);

CREATE TABLE posts (
    id {{PK}},
    discussion_id BIGINT NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    author_id BIGINT REFERENCES members (id) ON DELETE SET NULL,
    external_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body_text TEXT NOT NULL DEFAULT '',
    body_html TEXT,
    url TEXT,
    needs_response INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (discussion_id, external_id)
);
CREATE INDEX posts_discussion_idx ON posts (discussion_id, created_at);
CREATE INDEX posts_author_idx ON posts (author_id, created_at);
CREATE INDEX posts_parent_idx ON posts (parent_id);
CREATE INDEX posts_created_idx ON posts (created_at);

CREATE TABLE post_tags (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tags_tag_idx ON post_tags (tag_id);

CREATE TABLE mentions (
    id {{PK}},
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    member_id BIGINT REFERENCES members (id) ON DELETE SET NULL,
    handle TEXT NOT NULL,
    UNIQUE (post_id, handle)
);
CREATE INDEX mentions_member_idx ON mentions (member_id);
CREATE INDEX mentions_handle_idx ON mentions (handle);

CREATE TABLE hashtags (
    id {{PK}},
    name TEXT NOT NULL,
    normalized TEXT NOT NULL UNIQUE
);

CREATE TABLE post_hashtags (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    hashtag_id BIGINT NOT NULL REFERENCES hashtags (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, hashtag_id)
);
CREATE INDEX post_hashtags_hashtag_idx ON post_hashtags (hashtag_id);

CREATE TABLE post_links (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    PRIMARY KEY (post_id, url)
);

CREATE TABLE folders (
    id {{PK}},
    parent_id BIGINT REFERENCES folders (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX folders_parent_idx ON folders (parent_id);

CREATE TABLE feeds (
    id {{PK}},
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    folder_id BIGINT REFERENCES folders (id) ON DELETE SET NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    site_url TEXT,
    description TEXT,
    image_url TEXT,
    format TEXT,
    etag TEXT,
    last_modified TEXT,
    last_fetched_at BIGINT,
    next_fetch_at BIGINT,
    http_status INTEGER,
    error_text TEXT,
    moved_from_url TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    refresh_interval_s INTEGER NOT NULL DEFAULT 3600,
    follow_comments INTEGER NOT NULL DEFAULT 0,
    retention_cap INTEGER,
    created_at BIGINT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX feeds_folder_idx ON feeds (folder_id);
CREATE INDEX feeds_next_fetch_idx ON feeds (next_fetch_at);

CREATE TABLE feed_items (
    id {{PK}},
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    dedup_key TEXT NOT NULL,
    discussion_id BIGINT REFERENCES discussions (id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    link TEXT,
    author_name TEXT,
    published_at BIGINT,
    updated_at BIGINT,
    fetched_at BIGINT NOT NULL,
    comments_url TEXT,
    is_read INTEGER NOT NULL DEFAULT 0,
    is_starred INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, dedup_key)
);
CREATE INDEX feed_items_feed_idx ON feed_items (feed_id, published_at);
CREATE INDEX feed_items_discussion_idx ON feed_items (discussion_id);

CREATE TABLE enclosures (
    id {{PK}},
    feed_item_id BIGINT NOT NULL REFERENCES feed_items (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    mime_type TEXT,
    length_bytes BIGINT,
    duration_s INTEGER,
    local_path TEXT,
    UNIQUE (feed_item_id, url)
);

CREATE TABLE frameworks (
    id {{PK}},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    version TEXT,
    publisher TEXT,
    description TEXT
);

CREATE TABLE framework_stages (
    id {{PK}},
    framework_id BIGINT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    level INTEGER NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    UNIQUE (framework_id, level)
);

CREATE TABLE competencies (
    id {{PK}},
    framework_id BIGINT NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    position INTEGER NOT NULL,
    UNIQUE (framework_id, key)
);

CREATE TABLE competency_criteria (
    competency_id BIGINT NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    stage_level INTEGER NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (competency_id, stage_level)
);

CREATE TABLE assessors (
    id {{PK}},
    name TEXT NOT NULL,
    role TEXT,
    member_id BIGINT REFERENCES members (id) ON DELETE SET NULL
);

CREATE TABLE assessments (
    id {{PK}},
    framework_id BIGINT NOT NULL REFERENCES frameworks (id),
    title TEXT NOT NULL,
    assessed_on BIGINT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX assessments_framework_idx ON assessments (framework_id, assessed_on);

CREATE TABLE scores (
    id {{PK}},
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    assessor_id BIGINT NOT NULL REFERENCES assessors (id) ON DELETE CASCADE,
    competency_id BIGINT NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    stage DOUBLE PRECISION NOT NULL CHECK (stage >= 0),
    evidence TEXT NOT NULL DEFAULT '',
    scored_at BIGINT NOT NULL,
    UNIQUE (assessment_id, assessor_id, competency_id)
);
CREATE INDEX scores_competency_idx ON scores (competency_id);
