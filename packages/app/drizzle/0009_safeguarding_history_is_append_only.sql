-- A safeguarding concern's history is evidence: events may be added, never changed or removed.
CREATE FUNCTION safeguarding_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'safeguarding_concern_events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER safeguarding_events_no_update BEFORE UPDATE ON safeguarding_concern_events
  FOR EACH ROW EXECUTE FUNCTION safeguarding_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER safeguarding_events_no_delete BEFORE DELETE ON safeguarding_concern_events
  FOR EACH ROW EXECUTE FUNCTION safeguarding_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER safeguarding_events_no_truncate BEFORE TRUNCATE ON safeguarding_concern_events
  FOR EACH STATEMENT EXECUTE FUNCTION safeguarding_events_refuse_change();
