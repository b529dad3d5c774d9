CREATE TABLE platform_sample (id uuid PRIMARY KEY, name text NOT NULL);
