-- 0010_linear_pairs: a claim is now paired through its key's window alone
-- (store/pairs.go, pairWindow): the pairLimit most recent earlier rows of
-- claim_keys sharing its kind and key, one range of claim_keys_key_article
-- (0008), and the day rule is checked on those rows. Before, the join ran
-- over claim_keys_key_day and stepped over the new article's own rows for
-- each of its claims: an article of n similar claims cost n² (121 s for a
-- 400 KB article of one repeated sentence). Nothing reads this index now.
-- Existing pairs stay: they were made under the same rules, and
-- DB.RebuildPairs redoes them all with the new window if wanted.
DROP INDEX claim_keys_key_day;

-- A run stopped by SIGINT or SIGTERM says so (cmd/newsclaims ingest): its
-- exit status is 1 as when inputs failed, and interrupted tells the two
-- apart.
ALTER TABLE runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
