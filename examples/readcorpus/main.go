// Command readcorpus runs bonemet's rule-based reader over every document
// of a folder (PFOCR figure records, PubMed pages or downloads) and prints
// what it read: documents, statements per relation and rule, the mentions
// the lexicon does not resolve (or resolves ambiguously) by frequency, and
// the errors by kind. It runs offline and never panics on a bad record.
//
//	go run ./examples/readcorpus -dir ../shared/corpus/pfocr
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// documentExts are the file name endings read as documents.
var documentExts = []string{".md", ".txt", ".xml", ".nbib", ".medline", ".gz"}

// errorKinds name the sentinel errors of package ingest.
var errorKinds = []struct {
	err  error
	name string
}{
	{source.ErrSyntax, "syntax"}, {source.ErrNoFrontMatter, "no front matter"}, {source.ErrUnclosed, "unclosed front matter"},
	{source.ErrMissingField, "missing field"}, {source.ErrWrongType, "wrong type"}, {source.ErrUnknownField, "unknown field"},
	{source.ErrDuplicateKey, "duplicate key"}, {source.ErrUnknownFormat, "unknown format"}, {source.ErrEmpty, "empty"},
	{source.ErrTooLarge, "too large"}, {source.ErrInvalidUTF8, "invalid UTF-8"},
}

type counter map[string]int

func (c counter) top(n int) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(c[b], c[a]), cmp.Compare(a, b)) })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

type stats struct {
	files, docs, skipped int
	sentences            int
	relations            counter
	rules                counter
	unresolved           counter // "text\tstatus"
	errs                 counter
	examples             []source.Statement
}

func main() {
	dir := flag.String("dir", "../shared/corpus/pfocr", "folder of documents, read recursively")
	top := flag.Int("top", 30, "how many unresolved mentions to list")
	show := flag.Int("show", 10, "how many example statements to print")
	flag.Parse()

	st := &stats{relations: counter{}, rules: counter{}, unresolved: counter{}, errs: counter{}}
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r}
	start := time.Now()
	var readTime time.Duration
	err := filepath.WalkDir(*dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			st.errs[kindOf(err)]++
			return nil
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") && p != *dir {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		up := strings.ToUpper(name)
		if !slices.Contains(documentExts, strings.ToLower(filepath.Ext(name))) || strings.HasPrefix(up, "README") || strings.HasPrefix(up, "SOURCES") || strings.HasPrefix(up, "LICENSE") {
			st.skipped++
			return nil
		}
		st.files++
		t0 := time.Now()
		readFile(p, r, rd, st)
		readTime += time.Since(t0)
		return nil
	})
	if err != nil {
		st.errs[kindOf(err)]++
	}
	report(os.Stdout, *dir, st, *top, *show, r, time.Since(start), readTime)
}

// readFile reads one file; a panic in a parser or the reader is counted,
// not raised.
func readFile(p string, r *resolve.Resolver, rd *extract.Reader, st *stats) {
	defer func() {
		if v := recover(); v != nil {
			st.errs["panic"]++
			fmt.Fprintf(os.Stderr, "%s: panic: %v\n", p, v)
		}
	}()
	f, err := os.Open(p)
	if err != nil {
		st.errs[kindOf(err)]++
		return
	}
	defer f.Close()
	docs, err := ingest.ReadDocuments(f, p, source.Limits{})
	if err != nil {
		st.errs[kindOf(err)]++
		fmt.Fprintf(os.Stderr, "%v\n", err)
	}
	for _, d := range docs {
		st.docs++
		for _, sec := range d.Sections {
			st.sentences += len(extract.SplitSentences(sec.Text))
			for _, m := range r.Mentions(sec.Text) {
				if m.Result.Status != resolve.Resolved {
					st.unresolved[m.Text+"\t"+m.Result.Status.String()]++
				}
			}
		}
		for _, s := range rd.Read(d) {
			st.relations[s.Relation.String()]++
			st.rules[s.Rule]++
			st.examples = append(st.examples, s)
		}
	}
}

func kindOf(err error) string {
	for _, k := range errorKinds {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file"
	}
	if errors.Is(err, fs.ErrPermission) {
		return "permission"
	}
	return "other"
}

func report(w io.Writer, dir string, st *stats, top, show int, r *resolve.Resolver, total, read time.Duration) {
	fmt.Fprintf(w, "folder %s: %d files read (%d skipped), %d documents, %d sentences in %v (reading %v)\n",
		dir, st.files, st.skipped, st.docs, st.sentences, total.Round(time.Millisecond), read.Round(time.Millisecond))
	n := 0
	for _, v := range st.relations {
		n += v
	}
	fmt.Fprintf(w, "\nstatements: %d\n", n)
	for _, rel := range []graph.Relation{graph.Activates, graph.Inhibits, graph.Secretes} {
		fmt.Fprintf(w, "  %-10v %5d\n", rel, st.relations[rel.String()])
	}
	fmt.Fprintf(w, "\nby rule:\n")
	for _, k := range st.rules.top(len(st.rules)) {
		fmt.Fprintf(w, "  %-24s %5d\n", k, st.rules[k])
	}
	fmt.Fprintf(w, "\nunresolved or ambiguous mentions (top %d of %d distinct):\n", top, len(st.unresolved))
	for _, k := range st.unresolved.top(top) {
		text, status, _ := strings.Cut(k, "\t")
		fmt.Fprintf(w, "  %5d  %-28s %s\n", st.unresolved[k], text, status)
	}
	fmt.Fprintf(w, "\nerrors by kind:")
	if len(st.errs) == 0 {
		fmt.Fprintf(w, " none\n")
	} else {
		fmt.Fprintln(w)
		for _, k := range st.errs.top(len(st.errs)) {
			fmt.Fprintf(w, "  %-22s %5d\n", k, st.errs[k])
		}
	}
	if show > 0 && len(st.examples) > 0 {
		fmt.Fprintf(w, "\nfirst %d statements:\n", min(show, len(st.examples)))
		label := func(id string) string {
			if e, ok := r.Entry(id); ok {
				return e.Node.Label()
			}
			return id
		}
		for _, s := range st.examples[:min(show, len(st.examples))] {
			q := s.Quote
			if len(q) > 90 {
				q = q[:90] + "…"
			}
			fmt.Fprintf(w, "  %s %s %s  [%s %.2f %s] %s: %q\n", label(s.Subject), s.Relation.Arrow(), label(s.Object), s.Rule, s.Confidence, s.Hedge, s.Doc, q)
		}
	}
}
