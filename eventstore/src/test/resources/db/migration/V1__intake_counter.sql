-- The read model of the test consumer: how many times each intake's events were applied.
CREATE TABLE intake_counter (intake_id uuid PRIMARY KEY, applied integer NOT NULL);
