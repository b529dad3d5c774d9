-- Wake the outbox relay when a transaction that wrote outbox rows commits. PostgreSQL folds identical
-- notifications of one transaction into one, and delivers them only on commit.
CREATE FUNCTION lanes_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lanes_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER lanes_outbox_notify AFTER INSERT ON lanes_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION lanes_outbox_notify();
