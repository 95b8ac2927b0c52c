-- Assisted filing: how each case came in, who took it, and how the person consented.
-- Every case filed before this came in on the web, with the consent ticked online.

-- 'web', or a channel a staff member files through for the person.
ALTER TABLE cases ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'
    CHECK (channel IN ('web', 'phone', 'in_person', 'mail', 'verbal'));
-- The staff member (their name, as in staff_members) who filed an assisted case.
ALTER TABLE cases ADD COLUMN taken_by TEXT;
-- 'online' (ticked by the person) or 'verbal' (said to the staff member who filed it).
ALTER TABLE cases ADD COLUMN consent TEXT NOT NULL DEFAULT 'online'
    CHECK (consent IN ('online', 'verbal'));
