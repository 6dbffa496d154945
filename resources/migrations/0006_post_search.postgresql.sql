-- Schema v6 (PostgreSQL): full-text search over posts. search_vector is a stored generated column
-- (so every insert and update keeps it right) with a GIN index. The 'simple' configuration
-- lower-cases words without stemming or stop words: posts mix languages, and a word then matches
-- the same posts as in SQLite's FTS5 index. Only the first 500,000 characters of a post are
-- indexed, which keeps every tsvector below PostgreSQL's 1 MB limit.

ALTER TABLE posts ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', left(body_text, 500000))) STORED;

CREATE INDEX posts_search_idx ON posts USING GIN (search_vector);

-- The "needs response" filter reads only the few flagged posts.
CREATE INDEX posts_needs_response_idx ON posts (discussion_id) WHERE needs_response = 1;
