-- Schema v3: the dedup keys of feed items that retention deleted, so that fetching the same
-- document again does not bring them back. The rows go with their feed.

CREATE TABLE feed_item_tombstones (
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    dedup_key TEXT NOT NULL,
    deleted_at BIGINT NOT NULL,
    PRIMARY KEY (feed_id, dedup_key)
);
