-- Staff credentials, one per member: only a hash of each token is stored, and a
-- member can be revoked without touching anyone else's access.
CREATE TABLE staff_members (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    -- Hex SHA-256 of the token (tokens are 256 random bits: no salt or slow hash
    -- is needed, and the hash is looked up directly).
    token_hash TEXT NOT NULL UNIQUE,
    -- Unix seconds (UTC).
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Which staff member recorded a staff event (NULL for citizen and system events, and
-- for staff events recorded before members existed).
ALTER TABLE case_events ADD COLUMN staff_member TEXT;
