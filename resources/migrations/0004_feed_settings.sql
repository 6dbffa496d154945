-- Schema v4: per-feed settings and state. auth_user names the HTTP Basic user (the password
-- lives in the system keychain only); consecutive_failures carries the fetch backoff across
-- restarts; ttl_s is how long the feed itself asked to be left alone (RSS ttl, sy:updatePeriod),
-- in seconds; remote_content_allowed lets the reader load a feed's remote images.

ALTER TABLE feeds ADD COLUMN auth_user TEXT;
ALTER TABLE feeds ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN ttl_s INTEGER;
ALTER TABLE feeds ADD COLUMN remote_content_allowed INTEGER NOT NULL DEFAULT 0;
