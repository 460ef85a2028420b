package ingest_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
	"go.yaml.in/yaml/v3"
)

// The benchmarks read the shared corpus next to the module
// (../shared/corpus, found by walking up from the package folder), or the
// folder named by $BONEMET_CORPUS, and skip when it is absent. Each
// subject reports its CPU time as a ratio to a baseline run for the same
// iterations, interleaved with it ("x-..." metrics, see
// internal/benchcmp), so that the ratio holds on a loaded machine.

// benchCorpus returns the path of a folder of the shared corpus
// ("pfocr", "pfocr-tables"), or skips.
func benchCorpus(b *testing.B, name string) string {
	b.Helper()
	if root := os.Getenv("BONEMET_CORPUS"); root != "" {
		if dir := filepath.Join(root, name); benchIsDir(dir) {
			return dir
		}
		b.Skipf("%s not in $BONEMET_CORPUS=%s", name, root)
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		b.Skip(err)
	}
	for {
		if c := filepath.Join(dir, "shared", "corpus", name); benchIsDir(c) {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skipf("corpus folder %s not found above the package (set $BONEMET_CORPUS)", name)
		}
		dir = parent
	}
}

func benchIsDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// benchRecord is a PFOCR record file and its front matter.
type benchRecord struct {
	name        string
	data, front []byte
}

// benchRecords reads the .md records of the corpus's pfocr folder.
func benchRecords(b *testing.B) []benchRecord {
	b.Helper()
	dir := benchCorpus(b, "pfocr")
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no records in %s", dir)
	}
	slices.Sort(paths)
	var recs []benchRecord
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		front, ok := benchFrontMatter(data)
		if !ok {
			b.Fatalf("%s: no front matter", p)
		}
		recs = append(recs, benchRecord{filepath.Base(p), data, front})
	}
	return recs
}

// benchFrontMatter returns the text between the first two "---" lines.
func benchFrontMatter(data []byte) ([]byte, bool) {
	_, rest, ok := bytes.Cut(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	if bytes.HasPrefix(rest, []byte("---\n")) {
		return nil, true
	}
	front, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	return front, ok
}

func benchYAMLDecode(b *testing.B, recs []benchRecord) {
	for _, r := range recs {
		var m map[string]any
		if err := yaml.Unmarshal(r.front, &m); err != nil {
			b.Fatalf("%s: %v", r.name, err)
		}
	}
}

func benchParseAll(b *testing.B, recs []benchRecord) {
	for _, r := range recs {
		if _, err := pfocr.Parse(bytes.NewReader(r.data), r.name, source.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchBytes(recs []benchRecord) (all, front int64) {
	for _, r := range recs {
		all += int64(len(r.data))
		front += int64(len(r.front))
	}
	return all, front
}

// BenchmarkParsePFOCR parses every record of the pfocr folder per
// operation; x-yaml is its time over a bare yaml.Unmarshal of the same
// front matter into map[string]any ([BenchmarkYAMLDecodeBaseline]).
func BenchmarkParsePFOCR(b *testing.B) {
	recs := benchRecords(b)
	all, _ := benchBytes(recs)
	b.SetBytes(all)
	b.ReportAllocs()
	cpu := benchcmp.RunThread(b, func(int) { benchParseAll(b, recs) },
		benchcmp.Baseline{Name: "yaml", Run: func(int) { benchYAMLDecode(b, recs) }})
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(recs)), "cpu-ns/record")
}

// BenchmarkYAMLDecodeBaseline is the floor for [BenchmarkParsePFOCR]: a
// bare yaml.Unmarshal of each record's front matter into map[string]any.
func BenchmarkYAMLDecodeBaseline(b *testing.B) {
	recs := benchRecords(b)
	all, _ := benchBytes(recs)
	b.SetBytes(all)
	b.ReportAllocs()
	cpu := benchcmp.RunThread(b, func(int) { benchYAMLDecode(b, recs) })
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(recs)), "cpu-ns/record")
}

// benchHeapPeak samples the heap in use (HeapAlloc: live and not yet swept
// objects) every 500µs until stopped, and returns the largest value.
// runtime/metrics is read without stopping the world.
func benchHeapPeak() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	var peak uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return max(peak, read())
	}
}

// benchHeapInUse returns the heap held by live objects after a collection.
func benchHeapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

const benchMiB = 1 << 20

// BenchmarkWholeCorpus runs the whole pipeline on the pfocr folder: every
// file read with [ingest.LoadParallel], the statements the
// [extract.Reader] extracts from each document (there are no curation
// files for these records), and the graph resolved and built with
// [ingest.Build]. "serial-read" reads the statements after loading, one
// document after the other (as bonemet.Load does today); "extract-in-pool"
// has the loader's workers extract them ([ingest.LoadOptions].Extract),
// and reports its speedup over serial-read when that ran first. Both
// report the time of each phase (load includes extraction in the pool),
// the peak heap (sampled), the documents, statements and edges, and
// x-read+yaml: the CPU time over reading the files and decoding their
// front matter with a bare yaml.Unmarshal.
func BenchmarkWholeCorpus(b *testing.B) {
	dir := benchCorpus(b, "pfocr")
	recs := benchRecords(b)
	r := resolve.Default()
	r.Resolve("warm up the embedded lexicon")
	rd := &extract.Reader{Resolver: r}
	fsys := os.DirFS(dir)
	var serialNs float64
	for _, pooled := range []bool{false, true} {
		name := "serial-read"
		if pooled {
			name = "extract-in-pool"
		}
		b.Run(name, func(b *testing.B) {
			opts := ingest.LoadOptions{}
			if pooled {
				opts.Extract = rd.Read
			}
			var load, read, buildTime time.Duration
			var peak uint64
			var docs, stmts, edges, failed int
			b.ReportAllocs()
			benchcmp.Run(b, func(int) {
				stop := benchHeapPeak()
				t0 := time.Now()
				c, err := ingest.LoadParallel(fsys, ".", opts)
				t1 := time.Now()
				if err != nil {
					failed = len(benchUnjoin(err))
				}
				if !pooled {
					for _, d := range c.Documents {
						c.Statements = append(c.Statements, rd.Read(d)...)
					}
				}
				t2 := time.Now()
				g, _, err := build.Build(c, r)
				if err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				peak = max(peak, stop())
				load, read, buildTime = load+t1.Sub(t0), read+t2.Sub(t1), buildTime+t3.Sub(t2)
				docs, stmts, edges = len(c.Documents), len(c.Statements), len(g.Edges())
			}, benchcmp.Baseline{Name: "read+yaml", Run: func(int) {
				var rs []benchRecord
				for _, rec := range recs {
					data, err := fs.ReadFile(fsys, rec.name)
					if err != nil {
						b.Fatal(err)
					}
					front, _ := benchFrontMatter(data)
					rs = append(rs, benchRecord{rec.name, data, front})
				}
				benchYAMLDecode(b, rs)
			}})
			if docs != len(recs) {
				b.Fatalf("%d documents read, want %d", docs, len(recs))
			}
			ms := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 / float64(b.N) }
			b.ReportMetric(ms(load), "load-ms/op")
			b.ReportMetric(ms(read), "read-ms/op")
			b.ReportMetric(ms(buildTime), "build-ms/op")
			b.ReportMetric(float64(peak)/benchMiB, "peak-heap-MiB")
			b.ReportMetric(float64(docs), "docs")
			b.ReportMetric(float64(stmts), "statements")
			b.ReportMetric(float64(edges), "edges")
			b.ReportMetric(float64(failed), "failed-files")
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if !pooled {
				serialNs = perOp // the last (longest) run counts
			} else if serialNs > 0 {
				b.ReportMetric(serialNs/perOp, "speedup")
			}
		})
	}
}

// benchUnjoin returns the errors joined in err.
func benchUnjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// benchScaleRecord is a PFOCR record (shape B) in the field order of the
// database's figure pages.
type benchScaleRecord struct {
	Figid      string           `yaml:"figid"`
	Number     string           `yaml:"number,omitempty"`
	Caption    string           `yaml:"caption,omitempty"`
	PMCID      string           `yaml:"pmcid,omitempty"`
	Papertitle string           `yaml:"papertitle,omitempty"`
	Reftext    string           `yaml:"reftext,omitempty"`
	Figtitle   string           `yaml:"figtitle,omitempty"`
	Year       string           `yaml:"year"`
	Organisms  string           `yaml:"organisms,omitempty"`
	Genes      []benchScaleGene `yaml:"genes"`
}

type benchScaleGene struct {
	Word       string `yaml:"word"`
	Symbol     string `yaml:"symbol"`
	Source     string `yaml:"source"`
	HGNCSymbol string `yaml:"hgnc_symbol"`
	Entrez     string `yaml:"entrez"`
}

// benchReadTSV calls f with each row of a tab-separated table as a map from
// column name to value ("NA" and "NULL" dropped).
func benchReadTSV(path string, f func(row map[string]string)) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<22)
	var head []string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = fields
			continue
		}
		row := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(fields) && fields[i] != "NA" && fields[i] != "NULL" {
				row[h] = fields[i]
			}
		}
		f(row)
	}
	return sc.Err()
}

func benchFirst(row map[string]string, cols ...string) string {
	for _, c := range cols {
		if v := row[c]; v != "" {
			return v
		}
	}
	return ""
}

// benchWriteRecords writes one PFOCR record per distinct figure of the
// figure tables of pfocr-tables (captions, titles, references), with the
// figure's rows of the gene tables, into dir, and returns how many it
// wrote.
func benchWriteRecords(tables, dir string) (int, error) {
	figTables := []string{"shiny-titles_pfocr_curated.tsv", "shiny-covidpathways_pfocr_covid_table.tsv",
		"shiny-screen_cord19_pfocr.tsv", "shiny-terpene_pfocr_terpene_table.tsv",
		"shiny-terpeneadh_pfocr_terpeneadh_table.tsv", "shiny-terpeneplant_pfocr_terpeneplant_table.tsv"}
	geneTables, err := filepath.Glob(filepath.Join(tables, "*_genes.tsv"))
	if err != nil {
		return 0, err
	}
	slices.Sort(geneTables)
	genes := make(map[string][]benchScaleGene)
	for _, t := range geneTables {
		err := benchReadTSV(t, func(row map[string]string) {
			id := strings.TrimSuffix(row["figid"], ".jpg")
			genes[id] = append(genes[id], benchScaleGene{Word: row["word"], Symbol: row["symbol"], Source: row["source"],
				HGNCSymbol: row["hgnc_symbol"], Entrez: row["entrez"]})
		})
		if err != nil {
			return 0, err
		}
	}
	seen := make(map[string]bool)
	for _, t := range figTables {
		var werr error
		err := benchReadTSV(filepath.Join(tables, t), func(row map[string]string) {
			id := strings.TrimSuffix(row["figid"], ".jpg")
			if id == "" || seen[id] || werr != nil || strings.ContainsAny(id, "/\\") {
				return
			}
			seen[id] = true
			rec := benchScaleRecord{Figid: id, Number: row["number"], Caption: row["caption"], PMCID: row["pmcid"],
				Papertitle: benchFirst(row, "papertitle", "paper.title"), Reftext: benchFirst(row, "reftext", "reference"),
				Figtitle: benchFirst(row, "figtitle", "figure.title"), Year: row["year"], Organisms: row["organism"],
				Genes: genes[id]}
			if rec.Genes == nil {
				rec.Genes = []benchScaleGene{}
			}
			y, err := yaml.Marshal(rec)
			if err != nil {
				werr = err
				return
			}
			text := append(append([]byte("---\n"), y...), "---\n"...)
			werr = os.WriteFile(filepath.Join(dir, id+".md"), text, 0o644)
		})
		if err == nil {
			err = werr
		}
		if err != nil {
			return 0, err
		}
	}
	return len(seen), nil
}

// BenchmarkLoadScale reads a few thousand PFOCR records generated from
// the real captions, titles and gene rows of pfocr-tables, with [ingest.Load]
// and with [ingest.LoadParallel] at several worker counts. Each reports
// files/s, CPU time per file, the peak heap above the heap before the
// load, and the heap kept by the corpus; speedup is the wall time of
// Workers=1 over the sub-benchmark's, and x-cpu-workers1 its CPU time per
// file over that of Workers=1 (the cost of the parallelism; Workers=1
// runs first, in the same run). Skipped with -short.
func BenchmarkLoadScale(b *testing.B) {
	if testing.Short() {
		b.Skip("generates thousands of files")
	}
	tables := benchCorpus(b, "pfocr-tables")
	dir := b.TempDir()
	files, err := benchWriteRecords(tables, dir)
	if err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	var perFile1, cpuPerFile1 float64 // wall and CPU ns per file with one worker
	run := func(b *testing.B, workers int, load func() (source.Corpus, error)) {
		var peak uint64
		var kept uint64
		var errs int
		var cpu time.Duration
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			b.StopTimer()
			before := benchHeapInUse()
			b.StartTimer()
			stop := benchHeapPeak()
			cpu0 := benchcmp.CPU()
			c, err := load()
			cpu += benchcmp.CPU() - cpu0
			p := stop()
			b.StopTimer()
			peak = max(peak, p-min(before, p))
			after := benchHeapInUse()
			kept = after - min(before, after)
			runtime.KeepAlive(c)
			if err != nil {
				errs = len(benchUnjoin(err))
			}
			if len(c.Documents)+errs != files {
				b.Fatalf("%d documents and %d errors for %d files", len(c.Documents), errs, files)
			}
			b.StartTimer()
		}
		perFile := float64(b.Elapsed().Nanoseconds()) / float64(b.N*files)
		cpuPerFile := float64(cpu.Nanoseconds()) / float64(b.N*files)
		b.ReportMetric(1e9/perFile, "files/s")
		b.ReportMetric(cpuPerFile, "cpu-ns/file")
		b.ReportMetric(float64(peak)/benchMiB, "peak-heap-MiB")
		b.ReportMetric(float64(kept)/benchMiB, "corpus-heap-MiB")
		b.ReportMetric(float64(errs), "failed-files")
		b.ReportMetric(float64(files), "files")
		switch {
		case workers == 1:
			// The last (longest) run of Workers=1 counts.
			perFile1, cpuPerFile1 = perFile, cpuPerFile
		case perFile1 > 0:
			b.ReportMetric(perFile1/perFile, "speedup")
			b.ReportMetric(cpuPerFile/cpuPerFile1, "x-cpu-workers1")
		}
	}
	workers := []int{1, 2, 4, runtime.GOMAXPROCS(0)}
	slices.Sort(workers)
	for _, w := range slices.Compact(workers) {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			run(b, w, func() (source.Corpus, error) {
				return ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Workers: w})
			})
		})
	}
	b.Run("Load", func(b *testing.B) {
		run(b, 0, func() (source.Corpus, error) { return ingest.Load(fsys, ".", source.Limits{}) })
	})
}
