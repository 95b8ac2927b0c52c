-- Transparency: the self-service first level counted anonymously, and an index for
-- the aggregates' period filter.

-- What people answered to the procedures the wizard suggested, counted per day,
-- procedure and outcome. Nothing about the person: no address, no time finer than the
-- day, no case.
CREATE TABLE self_service_counts (
    -- YYYY-MM-DD (UTC).
    day       TEXT NOT NULL,
    -- Procedure slug (the catalog's).
    procedure TEXT NOT NULL,
    outcome   TEXT NOT NULL CHECK (outcome IN ('resolved', 'continued')),
    count     INTEGER NOT NULL,
    PRIMARY KEY (day, procedure, outcome)
) WITHOUT ROWID;

-- The aggregates select the cases filed in a period of months.
CREATE INDEX cases_filed_on ON cases(filed_on);
