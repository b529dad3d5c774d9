-- The last matter number issued per numbering period (the number format written with sequence 0, e.g.
-- 2026-00000), incremented in the accepting transaction: unique across replicas, and a rolled-back
-- acceptance gives its number back.
CREATE TABLE matter_number_counter (
    period      text   PRIMARY KEY,
    last_issued bigint NOT NULL
);

ALTER TABLE matter_summary ADD COLUMN matter_number text;
CREATE UNIQUE INDEX matter_summary_number ON matter_summary (matter_number);

-- A matter's ids in other systems (billing, practice management): one id names one matter.
CREATE TABLE matter_external_id (
    system      text NOT NULL,
    external_id text NOT NULL,
    matter_id   uuid NOT NULL,
    PRIMARY KEY (system, external_id),
    UNIQUE (matter_id, system)
);
