-- Schema v9: posts_activity_idx (author_id, created_at, discussion_id, id) serves every lookup
-- posts_author_idx (author_id, created_at) did; one index fewer to write for every post.
DROP INDEX posts_author_idx;
