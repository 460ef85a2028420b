package resolve_test

import (
	"bytes"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/resolve"
)

// readyNames are resolved right after the default lexicon is built: the
// cost of being ready includes the first answers.
var readyNames = []string{"RANKL", "TP53", "MEK", "osteoclasts", "zoledronic acid", "U0126", "unobtainium"}

// BenchmarkDefaultReady builds the default lexicon (the domain lexicon on
// the compiled index of every gene, family, cell and chemical) and
// resolves a few names with it; its baseline is parsing the domain
// lexicon alone, which is what the default cost before the index.
func BenchmarkDefaultReady(b *testing.B) {
	domain, err := os.ReadFile("lexicon/domain.tsv")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	benchcmp.Run(b, func(int) {
		lex, err := resolve.BuildDefault()
		if err != nil {
			b.Fatal(err)
		}
		r := resolve.New(lex)
		for _, n := range readyNames {
			r.Resolve(n)
		}
	}, benchcmp.Baseline{Name: "parse-domain", Run: func(int) {
		if _, err := resolve.ParseLexicon(bytes.NewReader(domain), "domain.tsv"); err != nil {
			b.Fatal(err)
		}
	}})
}

// TestDefaultReadyCost checks that the default lexicon is ready, with a
// few names resolved, in at most 40 MB of heap, and logs its time (CPU
// time of this thread; the budget is 50 ms, checked loosely here because
// the machine is shared).
func TestDefaultReadyCost(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	cpu0 := benchcmp.CPU()
	lex, err := resolve.BuildDefault()
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.New(lex)
	for _, n := range readyNames {
		r.Resolve(n)
	}
	cpu := benchcmp.CPU() - cpu0
	wall := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("default lexicon ready in %v CPU (%v wall), heap kept %.2f MB, allocated %.2f MB",
		cpu.Round(time.Microsecond), wall.Round(time.Microsecond), float64(heap)/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
	if heap > 40e6 {
		t.Errorf("the default lexicon keeps %.1f MB of heap, want at most 40", float64(heap)/1e6)
	}
	if cpu > 500*time.Millisecond {
		t.Errorf("the default lexicon took %v of CPU to be ready, want at most 50 ms", cpu)
	}
	runtime.KeepAlive(r)
}

// BenchmarkResolveDefault resolves the mixed list of benchNames (HGNC
// symbols, aliases, previous symbols, lower-case and hyphenated forms,
// unknown names) with the default resolver alone; one op is one name. Its
// baselines, interleaved: the names' keys, normalised beforehand, looked
// up in a bare map[string]int of every key of the full HGNC table
// ("x-map"), and the same with each name normalised first ("x-normalize+map").
func BenchmarkResolveDefault(b *testing.B) {
	names := benchNames(b)
	r := resolve.Default()
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = resolve.Normalize(n)
		r.Resolve(n) // decode the entries once, as a long-running reader has
	}
	m := keyMap(b)
	hits := 0
	b.ReportAllocs()
	benchcmp.RunThread(b, func(i int) {
		_ = r.Resolve(names[i%len(names)])
	}, benchcmp.Baseline{Name: "map", Run: func(i int) {
		if _, ok := m[keys[i%len(keys)]]; ok {
			hits++
		}
	}}, benchcmp.Baseline{Name: "normalize+map", Run: func(i int) {
		if _, ok := m[resolve.Normalize(names[i%len(names)])]; ok {
			hits++
		}
	}})
}

// keyMap is a bare map of every key of the full HGNC table.
func keyMap(tb testing.TB) map[string]int {
	lex, err := fullHGNC()
	if err != nil {
		tb.Fatal(err)
	}
	m := make(map[string]int)
	for i, e := range lex.Entries() {
		for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Preferred, e.Synonyms, e.Previous} {
			for _, s := range list {
				if k := resolve.Normalize(s); k != "" {
					m[k] = i
				}
			}
		}
	}
	return m
}
