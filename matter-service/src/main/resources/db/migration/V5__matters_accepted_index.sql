-- A replay finds the matters of one type accepted in a window among all matter events: this index
-- holds only the acceptances, one per matter.
CREATE INDEX matter_accepted ON lanes_event ((data ->> 'matterType'), occurred_at)
    WHERE ce_type = 'io.lanes.handoff-accepted.v1';
