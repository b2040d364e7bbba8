# newsclaims. FTS5 needs the sqlite_fts5 build tag on every go command;
# a build without it fails on purpose (store/fts5_required.go).
GO       ?= go
TAGS     := -tags sqlite_fts5
DB       ?= newsclaims.db
SHARED   ?= ../shared
BENCHDIR ?= $(SHARED)/bench/article-extraction

.PHONY: all build test run bench bench-go bench-html fuzz golden vet clean

all: build

build:
	$(GO) build $(TAGS) -o bin/newsclaims ./cmd/newsclaims

# The test command of the README and of .ci/run.
test:
	$(GO) vet $(TAGS) ./...
	$(GO) test $(TAGS) ./...

# The main job on the seeds: ingest seeds/ into $(DB).
run: build
	./bin/newsclaims ingest --db $(DB) seeds/

# Rewrite golden files; read every diff before committing it.
golden:
	$(GO) test $(TAGS) ./cmd/newsclaims ./extract -run 'Golden|Txtar' -update

fuzz:
	$(GO) test $(TAGS) ./ingest -run '^$$' -fuzz '^FuzzHTML$$' -fuzztime 120s
	$(GO) test $(TAGS) ./ingest -run '^$$' -fuzz '^FuzzText$$' -fuzztime 60s

bench-go:
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

# Issue 7 figures in one run (about 6 minutes on 2 cores); add
# BENCHFLAGS=-queries for the 100,000-article analyst queries.
bench: build
	$(GO) run $(TAGS) ./cmd/benchnews -shared $(SHARED) -out /tmp/benchnews.json $(BENCHFLAGS)

bench-html:
	$(GO) run $(TAGS) ./cmd/benchhtml -bench $(BENCHDIR) -out /tmp/benchhtml.json
	python3 $(BENCHDIR)/score.py /tmp/benchhtml.json

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm $(DB).lock
