-- Who an ethical screen walls off which matter: the listings leave those matters out for that user.
-- Projected from ethical-screen-added / -lifted in the transaction that appends them.
CREATE TABLE matter_screen (
    matter_id  uuid NOT NULL,
    user_name  text NOT NULL,
    PRIMARY KEY (user_name, matter_id)
);
