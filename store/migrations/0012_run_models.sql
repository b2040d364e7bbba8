-- The checksum of the trained models (tagger, lemmatizer, parser, entity
-- recogniser) a run extracted with, beside its rules hash: a retrained model
-- changes extraction as much as a changed rule does.
ALTER TABLE runs ADD COLUMN models_hash TEXT;
