from django.db import migrations

from wortal.migration_operations import postgresql_only

# Which entities' searchable words may have changed, and in which transaction (entities/word_index.py): every
# insert, delete, and update of search_text or state, whichever way it is written (save(), bulk_create(),
# QuerySet.update(), raw SQL), so the word index never misses a change. A trigger cannot be bypassed by a code
# path that forgets to call something.
FORWARD = [
    "CREATE TABLE entities_searchchange ("
    " entity_id integer NOT NULL,"
    " xact bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),"
    " changed_at timestamp with time zone NOT NULL DEFAULT now())",
    "CREATE INDEX entities_searchchange_xact_idx ON entities_searchchange (xact)",
    "CREATE INDEX entities_searchchange_changed_at_idx ON entities_searchchange (changed_at)",
    """CREATE FUNCTION entities_log_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO entities_searchchange (entity_id) VALUES (OLD.id);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.search_text IS DISTINCT FROM OLD.search_text OR NEW.state IS DISTINCT FROM OLD.state
    THEN
        INSERT INTO entities_searchchange (entity_id) VALUES (NEW.id);
    END IF;
    RETURN NEW;
END
$$""",
    "CREATE TRIGGER entities_search_change AFTER INSERT OR UPDATE OR DELETE ON entities_entity "
    "FOR EACH ROW EXECUTE FUNCTION entities_log_search_change()",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS entities_search_change ON entities_entity",
    "DROP FUNCTION IF EXISTS entities_log_search_change()",
    "DROP TABLE IF EXISTS entities_searchchange",
]


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0014_entity_state_name_cover_idx"),
    ]

    operations = [postgresql_only(FORWARD, BACKWARD)]
