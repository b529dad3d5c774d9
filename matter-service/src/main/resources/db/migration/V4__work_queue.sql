-- The PM work queue: what each open or pending matter asks of people now (open escalations and
-- tasks by assignee, open milestones for the accepting PM, pending handoffs for the team).
-- Rewritten for a matter in the transaction of every change to it, like matter_summary.
CREATE TABLE work_item (
    matter_id     uuid    NOT NULL,
    item_id       text    NOT NULL,
    kind          text    NOT NULL,
    assignee      text,
    team          text,
    title         text    NOT NULL,
    due_date      date,
    flagged       boolean NOT NULL,
    matter_name   text    NOT NULL,
    matter_number text,
    PRIMARY KEY (matter_id, item_id)
);
CREATE INDEX work_item_by_assignee ON work_item (assignee);
CREATE INDEX work_item_handoffs_by_team ON work_item (team) WHERE kind = 'HANDOFF';
