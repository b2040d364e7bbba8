-- A widely reported fact is stated by many articles; pairing each new
-- claim with every earlier one grows as n² and slows every insert. A new
-- claim is now paired with the claims of at most the 50 most recent other
-- articles sharing its key (store/pairs.go, pairWindow). This index finds
-- them: the 50th most recent article for a (kind, key) is one index step.
CREATE INDEX claim_keys_key_article ON claim_keys (kind, key, article_id);
