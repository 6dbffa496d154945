-- Schema v5: the validators of each feed item's comments feed, sent back as If-None-Match and
-- If-Modified-Since. comments_validated_url is the comments URL they came from: when the item
-- names another comments feed, they no longer apply.

ALTER TABLE feed_items ADD COLUMN comments_etag TEXT;
ALTER TABLE feed_items ADD COLUMN comments_last_modified TEXT;
ALTER TABLE feed_items ADD COLUMN comments_validated_url TEXT;
