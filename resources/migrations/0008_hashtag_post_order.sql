-- Schema v8: the posts of one hashtag in post order, read from the index alone. A search or a
-- list narrowed to a hashtag walks them newest first and stops when its page is full, instead of
-- reading every post with the hashtag (or every match of the words) first.

DROP INDEX post_hashtags_hashtag_idx;
CREATE INDEX post_hashtags_hashtag_idx ON post_hashtags (hashtag_id, post_id);
