package resolve_test

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
)

// hgncBytes reads the HGNC complete set once per test binary.
var hgncBytes = sync.OnceValues(func() ([]byte, error) {
	return os.ReadFile(hgncFile)
})

var hgncFile = sharedtest.Path("reference/hgnc/hgnc_complete_set.txt")

func hgncData(tb testing.TB) []byte {
	hgncPath(tb) // skips when absent
	data, err := hgncBytes()
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// fullHGNC is the whole HGNC table, loaded once per test binary.
var fullHGNC = sync.OnceValues(func() (*resolve.Lexicon, error) {
	data, err := hgncBytes()
	if err != nil {
		return nil, err
	}
	return resolve.LoadHGNC(bytes.NewReader(data), "hgnc_complete_set.txt")
})

// fullResolver is the default lexicon with the whole HGNC table behind it.
func fullResolver(tb testing.TB) *resolve.Resolver {
	hgncData(tb)
	lex, err := fullHGNC()
	if err != nil {
		tb.Fatal(err)
	}
	return resolve.New(resolve.DefaultLexicon(), lex)
}

// benchNames is a fixed mixed list of about 2,000 names drawn from the HGNC
// table in file order with fixed strides: approved symbols, alias symbols,
// previous symbols, lower-case and hyphenated variants, and names no
// lexicon has. The same table gives the same list.
func benchNames(tb testing.TB) []string {
	hgncData(tb)
	lex, err := fullHGNC()
	if err != nil {
		tb.Fatal(err)
	}
	es := lex.Entries()
	var names []string
	pick := func(n, stride int, f func(resolve.Entry) string) {
		for i, got := 0, 0; got < n && i < len(es); i += stride {
			if s := f(es[i]); s != "" {
				names = append(names, s)
				got++
			}
		}
	}
	first := func(ss []string) string {
		for _, s := range ss {
			if !strings.ContainsRune(s, ' ') {
				return s
			}
		}
		return ""
	}
	pick(600, 37, func(e resolve.Entry) string { return e.Node.Symbol })
	pick(500, 41, func(e resolve.Entry) string { return first(e.Synonyms) })
	pick(300, 43, func(e resolve.Entry) string { return first(e.Previous) })
	pick(250, 47, func(e resolve.Entry) string { return strings.ToLower(e.Node.Symbol) })
	pick(100, 53, func(e resolve.Entry) string {
		s := e.Node.Symbol
		if len(s) < 3 {
			return ""
		}
		return s[:2] + "-" + s[2:] // "IL-6" style
	})
	for i := 0; len(names) < 2000; i++ {
		names = append(names, fmt.Sprintf("QZX%04dunknown", i))
	}
	return names
}

// BenchmarkLoadHGNC measures LoadHGNC on the full HGNC complete set (43,882
// genes), read from memory; MB/op is the memory allocated per load.
func BenchmarkLoadHGNC(b *testing.B) {
	data := hgncData(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := resolve.LoadHGNC(bytes.NewReader(data), "hgnc"); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6/float64(b.N), "MB/op")
}

// BenchmarkResolveFullHGNC resolves the mixed list of benchNames with the
// default lexicon in front of the full HGNC table; one op is one name. Its
// baselines, interleaved with it: the same names, normalised beforehand,
// looked up in a bare map[string]int of every key of both lexicons
// ("x-map"), and the same with each name normalised first, as Resolve
// must ("x-normalize+map").
func BenchmarkResolveFullHGNC(b *testing.B) {
	names := benchNames(b)
	r := fullResolver(b)
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = resolve.Normalize(n)
	}
	lex, err := fullHGNC()
	if err != nil {
		b.Fatal(err)
	}
	m := make(map[string]int)
	for _, l := range []*resolve.Lexicon{resolve.DefaultLexicon(), lex} {
		for i, e := range l.Entries() {
			for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Preferred, e.Synonyms, e.Previous} {
				for _, s := range list {
					if k := resolve.Normalize(s); k != "" {
						m[k] = i
					}
				}
			}
		}
	}
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
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// BenchmarkResolveIn resolves short, ambiguous names in a caption through
// one Scope, as a reader does for each mention of a figure.
func BenchmarkResolveIn(b *testing.B) {
	r := fullResolver(b)
	ctx := resolve.Context{Text: iapCaption}
	names := []string{"IAP", "p52", "NIK", "RANKL", "cIAP1/2", "growth factors", "ROS", "mass", "Tnfsf11", "OPG"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sc := r.InContext(ctx)
		for _, n := range names {
			_ = sc.Resolve(n)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*len(names))/b.Elapsed().Seconds(), "names/s")
}

// TestHGNCLoadCost logs what loading the full HGNC table costs: wall and
// CPU time, memory allocated, the heap it keeps, and allocations. It only
// logs: a busy machine must not fail it.
func TestHGNCLoadCost(t *testing.T) {
	data := hgncData(t)
	runtime.GC()
	var before, after, kept runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	lex, err := resolve.LoadHGNC(bytes.NewReader(data), "hgnc")
	wall := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&kept)
	t.Logf("LoadHGNC: %d genes from %.1f MB in %v (wall clock, on a shared machine)",
		lex.Len(), float64(len(data))/1e6, wall.Round(time.Millisecond))
	t.Logf("allocated %.1f MB in %d allocations; heap after the load %.1f MB, kept after GC %.1f MB (before: %.1f MB); Sys %.1f MB",
		float64(after.TotalAlloc-before.TotalAlloc)/1e6, after.Mallocs-before.Mallocs,
		float64(after.HeapAlloc)/1e6, float64(kept.HeapAlloc)/1e6, float64(before.HeapAlloc)/1e6, float64(after.Sys)/1e6)
	allocs := testing.AllocsPerRun(1, func() {
		if _, err := resolve.LoadHGNC(bytes.NewReader(data), "hgnc"); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("testing.AllocsPerRun: %.0f allocations per load", allocs)
	runtime.KeepAlive(lex)
}
