-- The catalog: procedures are stored whole as JSON (the wire model), with the columns
-- the backend filters or joins on pulled out beside them.
CREATE TABLE agencies (
    acronym TEXT PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    json    TEXT NOT NULL
);

CREATE TABLE procedures (
    slug    TEXT PRIMARY KEY,
    agency  TEXT NOT NULL REFERENCES agencies(acronym),
    name    TEXT NOT NULL,
    json    TEXT NOT NULL
);
CREATE INDEX procedures_agency ON procedures(agency);
