package main

import (
	"flag"
	"math"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOMEMLIMIT" {
				return v
			}
			return ""
		}
	}
	cases := []struct {
		name   string
		args   []string
		gomem  string
		want   int64
		wantOK bool
	}{
		{"default", nil, "", defaultMemLimitMB << 20, true},
		{"env wins over the default", nil, "1GiB", 0, false},
		{"flag wins over env", []string{"--memory-limit-mb", "150"}, "1GiB", 150 << 20, true},
		{"zero is no limit", []string{"--memory-limit-mb", "0"}, "", math.MaxInt64, true},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
		mb := fs.Int64("memory-limit-mb", defaultMemLimitMB, "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		got, ok := memoryLimit(fs, *mb, env(c.gomem))
		if got != c.want || ok != c.wantOK {
			t.Errorf("%s: memoryLimit = %d, %v; want %d, %v", c.name, got, ok, c.want, c.wantOK)
		}
	}
}
