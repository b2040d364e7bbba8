package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// RunCounts are a batch run's totals.
type RunCounts struct {
	Seen    int // articles (or records) read
	Stored  int // newly stored
	Skipped int // already stored
	Failed  int
	// Ignored: paths a folder walk passed over (hidden, not an article's
	// extension, broken links), which are neither seen nor failed.
	Ignored int
	// Interrupted: the run was stopped by a signal before the end of its
	// inputs.
	Interrupted bool
}

// Run is one row of the runs table.
type Run struct {
	ID         int64
	StartedAt  string
	FinishedAt string // "" while running (or when the run was killed)
	Version    string
	RulesHash  string
	ModelsHash string
	RunCounts
	ExitStatus *int
}

// StartRun records the start of a batch run with the pipeline version and
// the hashes of the rules and models it extracts with, and returns its id.
func (db *DB) StartRun(ctx context.Context, version, rulesHash, modelsHash string) (int64, error) {
	res, err := db.db.ExecContext(ctx, "INSERT INTO runs (started_at, version, rules_hash, models_hash) VALUES (?, ?, ?, ?)",
		db.now(), version, nullString(rulesHash), nullString(modelsHash))
	if err != nil {
		return 0, fmt.Errorf("start run: %w", err)
	}
	return res.LastInsertId()
}

// FinishRun records the end of run id with its counts and exit status.
func (db *DB) FinishRun(ctx context.Context, id int64, c RunCounts, exitStatus int) error {
	res, err := db.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, seen = ?, stored = ?, skipped = ?,
		failed = ?, ignored = ?, interrupted = ?, exit_status = ? WHERE id = ?`, db.now(), c.Seen, c.Stored, c.Skipped,
		c.Failed, c.Ignored, c.Interrupted, exitStatus, id)
	if err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("finish run %d: %w", id, ErrNotFound)
	}
	return nil
}

// RecordError records a file or record that could not be stored. runID 0
// means no run.
func (db *DB) RecordError(ctx context.Context, path, reason string, runID int64) error {
	var run any
	if runID != 0 {
		run = runID
	}
	if _, err := db.db.ExecContext(ctx, "INSERT INTO ingest_errors (path, reason, at, run_id) VALUES (?, ?, ?, ?)",
		path, reason, db.now(), run); err != nil {
		return fmt.Errorf("record error for %s: %w", path, err)
	}
	return nil
}

// LastRun returns the most recent run, or ErrNotFound.
func (db *DB) LastRun(ctx context.Context) (Run, error) {
	var r Run
	var fin, hash, models sql.NullString
	var exit sql.NullInt64
	err := db.db.QueryRowContext(ctx, `SELECT id, started_at, finished_at, version, rules_hash, models_hash, seen, stored,
		skipped, failed, ignored, interrupted, exit_status FROM runs ORDER BY id DESC LIMIT 1`).Scan(&r.ID, &r.StartedAt,
		&fin, &r.Version, &hash, &models, &r.Seen, &r.Stored, &r.Skipped, &r.Failed, &r.Ignored, &r.Interrupted, &exit)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, ErrNotFound
	}
	if err != nil {
		return Run{}, fmt.Errorf("last run: %w", err)
	}
	r.FinishedAt, r.RulesHash, r.ModelsHash = fin.String, hash.String, models.String
	if exit.Valid {
		e := int(exit.Int64)
		r.ExitStatus = &e
	}
	return r, nil
}
