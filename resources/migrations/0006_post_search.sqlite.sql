-- Schema v6 (SQLite): full-text search over posts. posts_fts is an FTS5 index with posts as its
-- external content (the text is not stored twice); the triggers keep it in step with every
-- insert, update and delete of a post, and the index is built once for the posts already there.
-- unicode61 without diacritics folding, so a word matches the same posts as on PostgreSQL.

CREATE VIRTUAL TABLE posts_fts USING fts5(
    body_text,
    content = 'posts',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER posts_fts_after_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;

CREATE TRIGGER posts_fts_after_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
END;

CREATE TRIGGER posts_fts_after_update AFTER UPDATE OF id, body_text ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, body_text) VALUES ('delete', old.id, old.body_text);
    INSERT INTO posts_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;

INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');

-- The "needs response" filter reads only the few flagged posts.
CREATE INDEX posts_needs_response_idx ON posts (discussion_id) WHERE needs_response = 1;
