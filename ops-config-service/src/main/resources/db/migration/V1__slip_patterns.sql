-- What the recurring-slip detector (the PM-to-ops feedback loop of KPIS.md) needs from lanes.matter.v1:
-- each matter's type, and each milestone slip (once per milestone and due date).
CREATE TABLE ops_matter_type (
    matter_id    uuid PRIMARY KEY,
    matter_type  text NOT NULL
);

CREATE TABLE ops_milestone_slip (
    milestone_id  uuid NOT NULL,
    due_date      date NOT NULL,
    matter_id     uuid NOT NULL,
    matter_type   text NOT NULL,
    template_key  text NOT NULL,
    detected_on   date NOT NULL,
    PRIMARY KEY (milestone_id, due_date)
);
CREATE INDEX ops_milestone_slip_pattern ON ops_milestone_slip (matter_type, template_key, detected_on);
