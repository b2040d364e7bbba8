-- 0013_run_ignored: a run records how many paths its folder walks passed
-- over (hidden files, unknown extensions, broken links, the database's own
-- file; cmd/newsclaims walk.go). The summary line printed them already; an
-- analyst reading only the runs table could not tell "nothing there" from
-- "everything passed over".
ALTER TABLE runs ADD COLUMN ignored INTEGER NOT NULL DEFAULT 0;
