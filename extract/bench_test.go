package extract_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// pfocrDocs reads the PFOCR records of the shared corpus (the pathway
// figure captions), skipping the benchmark when they are absent.
func pfocrDocs(b *testing.B) []*source.Document {
	b.Helper()
	var docs []*source.Document
	for _, dir := range []string{"corpus/pfocr", "corpus/pfocr-bone", "corpus/pfocr-bone-more"} {
		p := sharedtest.Path(dir)
		files, _ := filepath.Glob(filepath.Join(p, "*.md"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			ds, err := ingest.ReadDocuments(strings.NewReader(string(data)), f, source.Limits{})
			if err != nil {
				continue
			}
			docs = append(docs, ds...)
		}
	}
	if len(docs) == 0 {
		b.Skip("shared/corpus/pfocr is absent: no captions to read")
	}
	slices.SortFunc(docs, func(x, y *source.Document) int { return strings.Compare(x.ID, y.ID) })
	return docs
}

// BenchmarkReaderCaptions reads the PFOCR captions one after the other,
// against two baselines in the same run: sentence splitting alone, and
// finding the mentions (the resolver's share).
func BenchmarkReaderCaptions(b *testing.B) {
	docs := pfocrDocs(b)
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r}
	for _, d := range docs {
		rd.Read(d) // warm the resolver and the rule table
	}
	each := func(i int, fn func(text string)) {
		for _, s := range docs[i%len(docs)].Sections {
			fn(s.Text)
		}
	}
	cpu := benchcmp.RunThread(b, func(i int) {
		rd.Read(docs[i%len(docs)])
	}, benchcmp.Baseline{Name: "split", Run: func(i int) {
		each(i, func(t string) { extract.SplitSentences(t) })
	}}, benchcmp.Baseline{Name: "mentions", Run: func(i int) {
		each(i, func(t string) { r.Mentions(t) })
	}})
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "captions/cpu-s")
	}
}

// BenchmarkReaderCaptionsParallel reads the PFOCR captions on every core
// (GOMAXPROCS) and reports captions per second of wall time.
func BenchmarkReaderCaptionsParallel(b *testing.B) {
	docs := pfocrDocs(b)
	rd := &extract.Reader{Resolver: resolve.Default()}
	for _, d := range docs {
		rd.Read(d)
	}
	var next atomic.Int64
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rd.Read(docs[int(next.Add(1))%len(docs)])
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "captions/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// BenchmarkReaderLongSentence reads one sentence of about 10,000 tokens,
// against splitting it alone.
func BenchmarkReaderLongSentence(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 70000 {
		sb.WriteString("TNF induces IL-6 expression in osteoblasts, and knockdown of TRAF6 reduced the secretion of IL-1β by macrophages, ")
	}
	text := sb.String()
	doc := &source.Document{ID: "long", Sections: []source.Section{{Name: source.SectionCaption, Text: text}}}
	rd := &extract.Reader{Resolver: resolve.Default()}
	rd.Read(doc)
	benchcmp.RunThread(b, func(int) { rd.Read(doc) },
		benchcmp.Baseline{Name: "split", Run: func(int) { extract.SplitSentences(text) }})
}
