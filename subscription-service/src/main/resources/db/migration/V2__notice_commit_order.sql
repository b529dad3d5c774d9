-- The live stream reads notices in commit order, gap-free: by the id of the transaction that wrote each
-- (then its seq), and only those of transactions older than every one still running, so a notice that
-- commits late (a replica's slower transaction) is never passed over.
ALTER TABLE notice ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX notice_commit_order ON notice (tx, seq);
