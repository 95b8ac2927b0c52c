-- Case tracking: attachments belong to the event that added them, ratings, and the
-- new sealing of stored idempotent answers.

-- The event (citizen reply, agency message or answer) an attachment came with. NULL
-- for the attachments filed with the case: they belong to its `filed` event.
ALTER TABLE attachments ADD COLUMN event_id INTEGER REFERENCES case_events(id);

-- The citizen's rating of the answer: at most one per case.
CREATE TABLE ratings (
    case_id    INTEGER PRIMARY KEY REFERENCES cases(id),
    answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
    clear      INTEGER NOT NULL CHECK (clear IN (0, 1)),
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT,
    -- Unix seconds (UTC).
    created_at INTEGER NOT NULL
);

-- Stored answers are now sealed with ChaCha20-Poly1305 instead of a SHA-256
-- keystream; answers sealed the old way cannot be opened any more. Keys live for
-- minutes to a day (retries), so forgetting them on upgrade costs nothing lasting.
DELETE FROM idempotency_keys;
