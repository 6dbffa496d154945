-- Schema v2 (PostgreSQL): every change to community data notifies the channel
-- watercooler_changes with the table's name, so other open windows refresh. SQLite has nothing
-- to do for this version; its windows watch PRAGMA data_version instead.

CREATE OR REPLACE FUNCTION watercooler_notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('watercooler_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sources_changed AFTER INSERT OR UPDATE OR DELETE ON sources
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER members_changed AFTER INSERT OR UPDATE OR DELETE ON members
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER identities_changed AFTER INSERT OR UPDATE OR DELETE ON identities
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER member_tags_changed AFTER INSERT OR UPDATE OR DELETE ON member_tags
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER discussions_changed AFTER INSERT OR UPDATE OR DELETE ON discussions
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER discussion_tags_changed AFTER INSERT OR UPDATE OR DELETE ON discussion_tags
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER posts_changed AFTER INSERT OR UPDATE OR DELETE ON posts
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER post_tags_changed AFTER INSERT OR UPDATE OR DELETE ON post_tags
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER folders_changed AFTER INSERT OR UPDATE OR DELETE ON folders
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER feeds_changed AFTER INSERT OR UPDATE OR DELETE ON feeds
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER feed_items_changed AFTER INSERT OR UPDATE OR DELETE ON feed_items
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER frameworks_changed AFTER INSERT OR UPDATE OR DELETE ON frameworks
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER assessors_changed AFTER INSERT OR UPDATE OR DELETE ON assessors
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER assessments_changed AFTER INSERT OR UPDATE OR DELETE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
CREATE TRIGGER scores_changed AFTER INSERT OR UPDATE OR DELETE ON scores
    FOR EACH STATEMENT EXECUTE FUNCTION watercooler_notify_change();
