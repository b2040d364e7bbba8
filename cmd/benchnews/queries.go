package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// queryTime is one analyst query's mean latency from store's
// BenchmarkAnalystQueries.
type queryTime struct {
	Name string  `json:"name"`
	MS   float64 `json:"ms"`
}

// benchLine matches a sub-benchmark result such as
// "BenchmarkAnalystQueries/full-text_search-2   20   123456 ns/op".
var benchLine = regexp.MustCompile(`^BenchmarkAnalystQueries/(\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op`)

// runQueries runs store's BenchmarkAnalystQueries in its own `go test`
// process: the database it builds (articles with hand-built extractions,
// stored through SaveArticle) is the store's fixture, so the benchmark
// stays next to the schema it measures instead of being copied here.
func runQueries(ctx context.Context, articles int) ([]queryTime, float64, error) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	args := []string{"test", "-tags", "sqlite_fts5", "-run", "^$", "-bench", "AnalystQueries",
		"-benchtime", "20x", "-timeout", "30m", "./store", "-args", "-scale-articles=" + strconv.Itoa(articles)}
	cmd := exec.CommandContext(ctx, goBin, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	secs := time.Since(start).Seconds()
	if err != nil {
		return nil, secs, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	var qs []queryTime
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		ns, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return nil, secs, fmt.Errorf("store benchmark line %q: %w", sc.Text(), err)
		}
		qs = append(qs, queryTime{Name: strings.ReplaceAll(m[1], "_", " "), MS: ns / 1e6})
	}
	if len(qs) == 0 {
		return nil, secs, fmt.Errorf("store benchmark printed no results:\n%s", out.String())
	}
	return qs, secs, nil
}
