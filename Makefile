# newsclaims. FTS5 needs the sqlite_fts5 build tag on every go command;
# a build without it fails on purpose (store/fts5_required.go).
GO       ?= go
TAGS     := -tags sqlite_fts5
DB       ?= newsclaims.db
SHARED   ?= ../shared
BENCHDIR ?= $(SHARED)/bench/article-extraction

.PHONY: all build test run report basemap screenshot bench-report bench bench-go bench-html bench-claims bench-syntax train fuzz golden vet clean

all: build

build:
	$(GO) build $(TAGS) -o bin/newsclaims ./cmd/newsclaims

# The test command of the README and of .ci/run.
test:
	$(GO) vet $(TAGS) ./...
	$(GO) test $(TAGS) -timeout 30m ./...

# The main job on the seeds: ingest seeds/ into $(DB) and write the
# analyst's report.html beside it.
run: build
	./bin/newsclaims ingest --db $(DB) --report $(dir $(DB))report.html seeds/

# The report of what the last run stored, beside $(DB).
report: build
	./bin/newsclaims report --db $(DB)

# Regenerate the report's world basemap from Natural Earth (needs npm and
# the npm registry; the build and CI never run it).
basemap:
	cd store/report/basemap/gen && npm ci --no-audit --no-fund && node gen.js

# Screenshots of the report of the seeds and the VOA stories, desktop and
# phone, for the README (needs Chromium; never run by go test).
screenshot: build
	rm -rf /tmp/newsclaims-shot && mkdir -p /tmp/newsclaims-shot
	./bin/newsclaims ingest --db /tmp/newsclaims-shot/news.db --log-format text seeds/ testdata/voa/stories.jsonl
	./bin/newsclaims report --db /tmp/newsclaims-shot/news.db
	$(GO) run ./cmd/reportshot -html /tmp/newsclaims-shot/report.html -o store/report/screenshot

# Rewrite golden files; read every diff before committing it.
golden:
	$(GO) test $(TAGS) ./cmd/newsclaims ./extract ./extract/tokens -run 'Golden|Txtar' -update

fuzz:
	$(GO) test $(TAGS) ./ingest -run '^$$' -fuzz '^FuzzHTML$$' -fuzztime 120s
	$(GO) test $(TAGS) ./ingest -run '^$$' -fuzz '^FuzzText$$' -fuzztime 60s
	$(GO) test $(TAGS) ./extract/tokens -run '^$$' -fuzz '^FuzzWords$$' -fuzztime 60s
	$(GO) test $(TAGS) ./extract/syntax -run '^$$' -fuzz '^FuzzParseText$$' -fuzztime 60s
	$(GO) test $(TAGS) ./cmd/newsclaims -run '^$$' -fuzz '^FuzzPipeline$$' -fuzztime 120s

# The report of a generated 100,000-article database (issue 15: at most
# 10 s and 20 MB). Building the database takes about 50 minutes; it is
# kept in REPORTDB and reused.
REPORTDB ?= /tmp/newsclaims-report100k.db
bench-report:
	$(GO) test $(TAGS) -run '^$$' -bench 'BenchmarkReport$$' -benchtime 3x -timeout 3h ./store/report \
		-args -report-articles 100000 -report-db $(REPORTDB)

bench-go:
	$(GO) test $(TAGS) -run '^$$' -bench . -benchmem ./...

# Issue 7 figures in one run (about 6 minutes on 2 cores); add
# BENCHFLAGS=-queries for the 100,000-article analyst queries.
bench: build
	$(GO) run $(TAGS) ./cmd/benchnews -shared $(SHARED) -out /tmp/benchnews.json $(BENCHFLAGS)

# Syntax figures of the README: EWT and GUM test, gold tokens and raw text,
# prose v2's tagger beside ours, speed on one core.
bench-syntax:
	$(GO) run ./cmd/benchsyntax -shared $(SHARED) -out /tmp/benchsyntax.json
	NEWSCLAIMS_SHARED=$(abspath $(SHARED)) $(GO) test $(TAGS) -count=1 -run '^TestParsePlainTreebank$$' -v ./cmd/newsclaims

bench-html:
	$(GO) run $(TAGS) ./cmd/benchhtml -bench $(BENCHDIR) -out /tmp/benchhtml.json
	python3 $(BENCHDIR)/score.py /tmp/benchhtml.json

# Claims by kind on the benchmark pages and a fixed sample of them to judge
# by hand (issue 14); the output quotes the pages, so it goes to /tmp.
bench-claims:
	$(GO) run $(TAGS) ./cmd/claimsample -bench $(BENCHDIR) -counts > /tmp/claimsample.txt
	head -12 /tmp/claimsample.txt

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm $(DB).lock $(dir $(DB))report.html

# Rebuild the trained models from $(SHARED)/corpus (fixed seeds; commit a
# retrained model only when its figures change).
train:
	$(GO) run $(TAGS) ./cmd/train -shared $(SHARED) all
