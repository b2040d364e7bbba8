// Command brands generates extract/lexicon/organizations_brands.tsv, the
// companies and brands the organization matcher knows, from a checkout of
// the name-suggestion-index (github.com/osmlab/name-suggestion-index,
// BSD 3-Clause licence; its brands are linked to Wikidata, CC0):
//
//	go run -tags sqlite_fts5 ./extract/lexicon/gen/brands -src DIR -commit SHA \
//	    -companies CSV -companies-commit SHA \
//	    -words ../shared/corpus/ud > extract/lexicon/organizations_brands.tsv
//
// and the companies of the S&P 500 index from data/constituents.csv of
// github.com/datasets/s-and-p-500-companies (Open Data Commons PDDL 1.0:
// public domain), column Security, after the index's brands: listed
// companies that are no shop ("Veeva Systems", "ExxonMobil"), their names
// without a class of shares ("(Class A)"), "(The)" or a final "Inc."/"plc",
// and without "Corporation" or "Company" too; a name of one plain word
// ("Citigroup", "Coherent") is left to the recogniser. The same filter
// then applies to both.
//
// It reads the brands (shops, restaurants, banks, fuel stations, ...) and
// the telecom, power and transit operators of data/, each with a Wikidata
// id (a notable company, not a local shop), in file order. A name is kept
// when it is written in Latin letters, starts with a capital or a digit
// and has three letters or more; then, for precision in news text:
//   - a one-word name that is also a common word ("Target", "Next",
//     "Shell", "Boots") is dropped: a common word is one the treebanks
//     under -words (UD English EWT and GUM train, read for their word
//     forms only) hold in lower case as anything but a proper noun;
//   - a name of several words that is also a common phrase there ("Post
//     Office") is dropped the same way;
//   - a one-word name that is a given name, a title or a gazetteer name
//     of the pipeline's lists ("Paul", "Union", "Olympia"), or a surname
//     in the treebanks (a proper noun right after a given name: "Morgan",
//     "Schmidt"), is dropped: the rules read it as a person or a place;
//   - a name the rules alone already read as a place, person or
//     organization in a plain sentence is dropped (the list only adds what
//     the lists and rules do not know).
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/newsclaims/newsclaims/extract"
	"github.com/newsclaims/newsclaims/extract/ner"
)

func main() {
	src := flag.String("src", "", "checkout of osmlab/name-suggestion-index")
	commit := flag.String("commit", "", "its commit id, recorded in the output")
	companies := flag.String("companies", "", "data/constituents.csv of datasets/s-and-p-500-companies")
	companiesCommit := flag.String("companies-commit", "", "its commit id, recorded in the output")
	words := flag.String("words", "", "folder of the UD English treebanks (en_ewt-train, en_gum-ccby-train)")
	flag.Parse()
	if *src == "" || *commit == "" || *words == "" || *companies == "" || *companiesCommit == "" {
		fmt.Fprintln(os.Stderr, "usage: brands -src DIR -commit SHA -companies CSV -companies-commit SHA -words DIR")
		os.Exit(2)
	}
	if err := run(*src, *commit, *companies, *companiesCommit, *words); err != nil {
		fmt.Fprintln(os.Stderr, "brands:", err)
		os.Exit(1)
	}
}

// folders are the parts of data/ read, and the tag holding the name.
var folders = []struct{ dir, tag string }{
	{"brands", "brand"},
	{"operators/telecom", "operator"},
	{"operators/power", "operator"},
	{"transit", "network"},
}

type nsiFile struct {
	Items []struct {
		Tags map[string]string `json:"tags"`
	} `json:"items"`
}

type brand struct{ name, path string }

func run(src, commit, companies, companiesCommit, words string) error {
	x, err := extract.New(extract.Options{NoModel: true, NoBrands: true})
	if err != nil {
		return err
	}
	common, surnames, err := commonWords(x, words)
	if err != nil {
		return err
	}
	var brands []brand
	for _, f := range folders {
		dir := filepath.Join(src, "data", f.dir)
		var files []string
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var nf nsiFile
			if err := json.Unmarshal(data, &nf); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			rel, _ := filepath.Rel(filepath.Join(src, "data"), p)
			rel = strings.TrimSuffix(filepath.ToSlash(rel), ".json")
			for _, it := range nf.Items {
				name := it.Tags[f.tag]
				if name == "" && f.tag == "network" {
					name = it.Tags["operator"]
				}
				if it.Tags[f.tag+":wikidata"] == "" && it.Tags["operator:wikidata"] == "" {
					continue
				}
				// The project's convention: a name without a leading "the".
				name = strings.TrimPrefix(strings.Join(strings.Fields(name), " "), "The ")
				brands = append(brands, brand{name, rel})
			}
		}
	}
	listed, err := readCompanies(companies)
	if err != nil {
		return err
	}
	brands = append(brands, listed...)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "# Companies and brands, generated by extract/lexicon/gen/brands from the GitHub repository\n")
	fmt.Fprintf(w, "# osmlab/name-suggestion-index at commit %s (BSD 3-Clause licence,\n", commit)
	fmt.Fprintf(w, "# copyright the name-suggestion-index contributors; names linked to Wikidata, CC0), then the\n")
	fmt.Fprintf(w, "# S&P 500 companies of datasets/s-and-p-500-companies at commit %s (ODC PDDL 1.0).\n", companiesCommit)
	fmt.Fprintf(w, "# Do not edit: fix the generator or the source and rerun it.\n")
	fmt.Fprintf(w, "# columns: name, type, the index file it comes from\n")
	seen := map[string]bool{}
	for _, b := range brands {
		key := strings.ToLower(b.name)
		if seen[key] || !plausible(b.name) {
			continue
		}
		seen[key] = true
		if common[key] || known(x, b.name) {
			continue
		}
		if !strings.Contains(b.name, " ") && (surnames[key] || nameWord(x, b.name)) {
			continue
		}
		fmt.Fprintf(w, "%s\tcompany\t%s\n", b.name, b.path)
	}
	return nil
}

// readCompanies reads the Security column of the S&P 500 constituents
// file, in file order, each name cleaned for news text: "Alphabet Inc.
// (Class A)" is "Alphabet", "Coca-Cola Company (The)" is "Coca-Cola
// Company".
func readCompanies(path string) ([]brand, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 || len(rows[0]) < 2 || rows[0][1] != "Security" {
		return nil, fmt.Errorf("%s: want a header with Security in the second column", path)
	}
	var out []brand
	for _, r := range rows[1:] {
		name := r[1]
		if i := strings.Index(name, " ("); i > 0 {
			name = name[:i]
		}
		for _, suffix := range []string{" Inc.", " Inc", ", Inc.", " plc", " PLC"} {
			name = strings.TrimSuffix(name, suffix)
		}
		name = strings.TrimSuffix(strings.Join(strings.Fields(name), " "), ",")
		names := []string{name}
		// News names a company without its legal form as often as with
		// it ("Ford Motor").
		for _, form := range []string{" Corporation", " Company", " Corp.", " Incorporated", " Limited", " Ltd."} {
			if short, ok := strings.CutSuffix(name, form); ok && short != "" && !strings.HasSuffix(short, " &") {
				names = append(names, short)
			}
		}
		for _, n := range names {
			// One plain word ("Coherent", "Flex", "Tapestry", but also
			// "Citigroup") may be an English word the treebanks never
			// write in lower case; only a written form no word has is
			// kept alone ("ExxonMobil", "IBM", "PG&E", "L3Harris").
			if strings.Contains(n, " ") || !plainWord(n) {
				out = append(out, brand{n, "s-and-p-500/constituents"})
			}
		}
	}
	return out, nil
}

// plainWord reports whether w is written like an English word: a capital
// and lower-case letters only.
func plainWord(w string) bool {
	for i, r := range w {
		if !unicode.IsLetter(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// plausible reports whether name is written in Latin letters, digits and
// name punctuation, starts with a capital or a digit and has three
// letters or more.
func plausible(name string) bool {
	letters := 0
	for i, r := range name {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
			letters++
		case unicode.IsDigit(r):
		case strings.ContainsRune(" .&'’!+-", r):
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return letters >= 3
}

// commonWords reads the word forms of the UD treebanks' training files
// under dir and returns the lower-case words and phrases of up to four
// words that occur in lower case there, outside proper nouns; and the
// surnames: folded proper nouns right after a given name.
func commonWords(x *extract.Extractor, dir string) (common, surnames map[string]bool, err error) {
	common, surnames = map[string]bool{}, map[string]bool{}
	for _, name := range []string{"en_ewt-train.conllu.gz", "en_gum-ccby-train.conllu.gz"} {
		if err := readForms(x, filepath.Join(dir, name), common, surnames); err != nil {
			return nil, nil, err
		}
	}
	return common, surnames, nil
}

// nameWord reports whether the one word w is a given name, a title or a
// gazetteer name of the pipeline's lists.
func nameWord(x *extract.Extractor, w string) bool {
	return hint(x, w)&(ner.HintGivenName|ner.HintTitle|ner.HintPlaceWord) != 0
}

// hint is the recogniser's list hint of the one word w.
func hint(x *extract.Extractor, w string) uint32 {
	return x.NERHints(w, []extract.Span{{Start: 0, End: len(w)}})[0]
}

func readForms(x *extract.Extractor, path string, out, surnames map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		r = z
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var run []string // lower-case words in a row
	prevProper := "" // the previous word when a proper noun
	flush := func() {
		for i := range run {
			for n := 1; n <= 4 && i+n <= len(run); n++ {
				out[strings.Join(run[i:i+n], " ")] = true
			}
		}
		run = run[:0]
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			flush()
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		form := cols[1]
		if cols[3] == "PROPN" || cols[4] == "NNP" || cols[4] == "NNPS" {
			if prevProper != "" && hint(x, prevProper)&ner.HintGivenName != 0 {
				surnames[strings.ToLower(form)] = true
			}
			prevProper = form
			flush()
			continue
		}
		prevProper = ""
		if form != strings.ToLower(form) {
			flush()
			continue
		}
		run = append(run, form)
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// known reports whether the rules alone read s, in a plain sentence, as a
// place, person or organization covering all of it.
func known(x *extract.Extractor, s string) bool {
	text := "They saw " + s + " yesterday."
	for _, e := range x.Extract(extract.Doc{Text: text}).Entities {
		if e.Start == len("They saw ") && e.End == len("They saw ")+len(s) && (e.Kind == extract.KindPlace || e.Kind == extract.KindPerson || e.Kind == extract.KindOrganization) {
			return true
		}
	}
	return false
}
