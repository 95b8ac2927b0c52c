-- Intake: cases filed by citizens, their attachments, ticket numbering, idempotent
-- submission and the event history that case tracking builds on.

-- One filed case. Personal data (name, email, phone) is NULL for anonymous cases.
-- The access code is never stored: only sha256(salt || normalized code).
CREATE TABLE cases (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- AGENCY-TYPE-YEAR-SEQUENCE, e.g. MDT-QUE-2026-00042.
    ticket           TEXT NOT NULL UNIQUE,
    -- Agency acronym; NULL when the person did not know which agency.
    agency           TEXT,
    -- Case type slug (`queja`, `denuncia`, …) as configured by the deployment.
    case_type        TEXT NOT NULL,
    -- Procedure slug, when the case is about one.
    procedure        TEXT,
    description      TEXT NOT NULL,
    -- YYYY-MM-DD, when the person gave it.
    event_date       TEXT,
    place            TEXT,
    identity         TEXT NOT NULL
                     CHECK (identity IN ('identified', 'confidential', 'anonymous')),
    name             TEXT,
    email            TEXT,
    phone            TEXT,
    -- Language for the agency's answers.
    language         TEXT NOT NULL,
    access_code_hash TEXT NOT NULL,
    access_code_salt TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'received'
                     CHECK (status IN ('received', 'assigned', 'in_progress',
                                       'waiting_for_citizen', 'answered', 'closed')),
    -- Unix seconds (UTC).
    filed_at         INTEGER NOT NULL,
    -- YYYY-MM-DD (UTC) the case was filed and the legal due date.
    filed_on         TEXT NOT NULL,
    due_date         TEXT NOT NULL,
    -- Business days the agency has to answer, as configured when filed.
    response_days    INTEGER NOT NULL,
    -- Unix seconds of the last event (status change, message, …).
    updated_at       INTEGER NOT NULL
);
CREATE INDEX cases_agency_status ON cases(agency, status);
CREATE INDEX cases_due_date ON cases(due_date);

-- Last sequence number issued per agency ('GEN' when none), case type code and year.
CREATE TABLE ticket_sequences (
    agency    TEXT NOT NULL,
    type_code TEXT NOT NULL,
    year      INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (agency, type_code, year)
) WITHOUT ROWID;

-- Uploaded files. Uploaded before the case is filed (case_id NULL), linked to exactly
-- one case when it is. The media type comes from sniffing the content.
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    case_id    INTEGER REFERENCES cases(id),
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    -- Hex; lets the same upload repeated return the same id while unlinked.
    sha256     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX attachments_case ON attachments(case_id);
CREATE INDEX attachments_sha256 ON attachments(sha256);

-- Stored answers of creating requests: same key + same request → the same answer,
-- byte for byte; same key + different request → 422.
-- The answer of a new case holds its access code, which must not sit in the database
-- in clear: the answer is sealed with a key derived from the Idempotency-Key, and the
-- Idempotency-Key itself is stored only as a hash. Only the client that sent the key
-- can have the answer replayed.
CREATE TABLE idempotency_keys (
    -- Hex sha256 of the Idempotency-Key (domain-separated from the sealing key).
    key_hash        TEXT PRIMARY KEY,
    -- e.g. 'POST /api/v1/cases'; part of request_hash too.
    endpoint        TEXT NOT NULL,
    -- Hex sha256 of the endpoint and the canonical JSON request.
    request_hash    TEXT NOT NULL,
    status_code     INTEGER NOT NULL,
    -- The JSON answer XOR a SHA-256 counter-mode keystream keyed by the Idempotency-Key.
    response_sealed BLOB NOT NULL,
    -- The case the request created, if any.
    case_id         INTEGER REFERENCES cases(id),
    created_at      INTEGER NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);

-- History of a case, oldest first: what the citizen sees when tracking it and what
-- staff see as the audit trail.
CREATE TABLE case_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    -- Unix seconds (UTC).
    at      INTEGER NOT NULL,
    -- 'filed', 'status_changed', 'assigned', 'message', 'attachment_added', …
    kind    TEXT NOT NULL,
    actor   TEXT NOT NULL CHECK (actor IN ('citizen', 'staff', 'system')),
    -- Free text shown to the citizen (e.g. the agency's answer).
    message TEXT,
    -- Structured details as JSON (e.g. {"from": "received", "to": "assigned"}).
    data    TEXT CHECK (data IS NULL OR json_valid(data))
);
CREATE INDEX case_events_case ON case_events(case_id, at);
