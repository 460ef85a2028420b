// Package compile makes the default knowledge snapshot from its sources:
// the curation files and seed documents of the repository's knowledge/
// folder, the PFOCR figure records they curate and the WikiPathways bone
// pathways, both read from the shared data folder beside the checkout. It
// is run by `go generate ./knowledge` and by the test that proves the
// embedded snapshot equal to a fresh build.
package compile

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/ingest/curation"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/knowledge"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// Options say where the sources are.
type Options struct {
	// Knowledge is the repository's knowledge/ folder: docs/ (the seed
	// documents) and curation/ (every curation file, in subfolders too).
	Knowledge string
	// Shared is the shared data folder (with corpus/ and reference/).
	Shared string
	// Resolver names the entities; nil means resolve.Default().
	Resolver *resolve.Resolver
}

// Figure folders searched, in order, for the PFOCR record a curation file
// names; relative to Shared.
var figureFolders = []string{"corpus/pfocr-bone", "corpus/pfocr-bone-more", "corpus/pfocr"}

// pathwayFolder holds one folder per WikiPathways bone pathway; their GPML
// is in gpmlFolder.
const (
	pathwayFolder = "reference/wikipathways/bone"
	gpmlFolder    = "reference/wikipathways/gpml"
	wikipathways  = "c0aa5fdb57bcce8171cbb02030f7f1fee80b5919" // commit, see reference/SOURCES.md
)

// Compile reads the sources and returns the snapshot. It fails on any
// source it cannot read, any curated quote not found in its document and
// any curation file naming a document that cannot be found; statements
// whose names do not resolve are kept in the snapshot's problems.
func Compile(o Options) (*knowledge.Snapshot, error) {
	r := o.Resolver
	if r == nil {
		r = resolve.Default()
	}
	curated, err := readCuration(o.Knowledge)
	if err != nil {
		return nil, err
	}
	docs, sources, err := readDocuments(o, curated)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*source.Document)
	for _, d := range docs {
		byID[d.ID] = d
	}
	stmts, err := curation.VerifyQuotes(curated, byID)
	if err != nil {
		return nil, err
	}
	var counts knowledge.Counts
	corpus := source.Corpus{Documents: docs}
	for _, s := range stmts {
		switch s.Action {
		case source.Add:
			counts.Curated++
		case source.Accept:
			counts.Accepted++
			s.Note = joinNote("accepted from the reader", s.Note)
		case source.Correct:
			counts.Corrected++
			was := ""
			if s.Was != nil {
				was = fmt.Sprintf(" (it read %s %v %s)", s.Was.Subject, s.Was.Relation, s.Was.Object)
			}
			s.Note = joinNote("corrected from the reader"+was, s.Note)
		case source.Reject:
			counts.ReaderRejected++
			continue
		}
		if s.Quote == "" {
			return nil, source.ErrorAt(s.Pos, fmt.Errorf("%w: quote (a curated statement of the default knowledge rests on its own quote)", source.ErrMissingField))
		}
		s.Action, s.Was = source.Add, nil
		corpus.Statements = append(corpus.Statements, s)
	}
	pws, pwSources, err := readPathways(o.Shared, r)
	if err != nil {
		return nil, err
	}
	var left []knowledge.Problem
	for _, pw := range pws {
		for _, pe := range pw.Problems {
			left = append(left, knowledge.Problem{Pos: pe.Pos().String(), Doc: pw.Documents[0].ID, Outcome: knowledge.LeftOut, Reason: pe.Err.Error()})
		}
		counts.Imported += len(pw.Statements)
		corpus.Statements = append(corpus.Statements, pw.Statements...)
		corpus.Nodes = append(corpus.Nodes, pw.Nodes...)
		corpus.Documents = append(corpus.Documents, pw.Documents...)
	}
	sources = append(sources, pwSources...)
	g, rep, err := build.Build(corpus, r)
	if err != nil {
		return nil, err
	}
	s := snapshot(g, rep, corpus, sources, counts)
	s.Problems = append(s.Problems, left...)
	return s, nil
}

// readCuration parses every curation file below dir/curation, in lexical
// order, with positions named as in the repository
// ("knowledge/curation/…").
func readCuration(dir string) ([]source.Statement, error) {
	root := filepath.Join(dir, "curation")
	var out []source.Statement
	var errs []error
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !ingest.IsCurationFile(p) {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.Join("knowledge", "curation", rel)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		rs, err := curation.Parse(f, filepath.ToSlash(rel), source.Limits{})
		if err != nil {
			errs = append(errs, err)
		}
		for _, c := range rs {
			out = append(out, c.Statements...)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return out, source.JoinErrors(errs)
}

// readDocuments reads the documents the curation names: the seeds in
// dir/docs and PFOCR records from the shared folder.
func readDocuments(o Options, stmts []source.Statement) ([]*source.Document, []knowledge.Source, error) {
	want := make(map[string]bool)
	for _, s := range stmts {
		want[s.Doc] = true
	}
	var docs []*source.Document
	var sources []knowledge.Source
	seeds, err := os.ReadDir(filepath.Join(o.Knowledge, "docs"))
	if err != nil {
		return nil, nil, err
	}
	for _, e := range seeds {
		p := filepath.Join(o.Knowledge, "docs", e.Name())
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		ds, err := ingest.ReadDocuments(f, "knowledge/docs/"+e.Name(), source.Limits{})
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		for _, d := range ds {
			docs = append(docs, d)
			delete(want, d.ID)
			sources = append(sources, knowledge.Source{ID: d.ID, Kind: "seed", Origin: "knowledge/docs/" + e.Name(),
				License: "a seed document of the project (PFOCR records: CC0; the PubMed page: its publisher's)"})
		}
	}
	commits, err := figureCommits(o.Shared)
	if err != nil {
		return nil, nil, err
	}
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range want {
			if !yield(id) {
				return
			}
		}
	})
	table, err := readFigureTable(o.Shared)
	if err != nil {
		return nil, nil, err
	}
	var missing []string
	for _, id := range ids {
		d, err := readFigure(o.Shared, id)
		if err != nil {
			return nil, nil, err
		}
		src := knowledge.Source{ID: id, Kind: "pfocr", Origin: "github:wikipathways/pfocr-database/_figures/" + id + ".md",
			Commit: commits[id], License: "CC0"}
		if d == nil && table[id] != nil {
			d = table[id]
			src.Kind, src.Origin, src.Commit = "pfocr-table", "github:wikipathways/pathway-figure-ocr/shiny-titles/pfocr_curated.rds, row "+id, pfocrTables
		}
		if d == nil {
			missing = append(missing, id)
			continue
		}
		docs = append(docs, d)
		sources = append(sources, src)
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("%w: curated figures not found under %s: %s", source.ErrUnknownDocument,
			strings.Join(figureFolders, ", "), strings.Join(missing, ", "))
	}
	return docs, sources, nil
}

// readFigure reads the PFOCR record of a figid from the first figure
// folder holding it, or returns nil.
func readFigure(shared, id string) (*source.Document, error) {
	for _, dir := range figureFolders {
		p := filepath.Join(shared, dir, id+".md")
		f, err := os.Open(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return pfocr.Parse(f, path.Join("shared", dir, id+".md"), source.Limits{})
	}
	return nil, nil
}

// figureTable is the PFOCR table of curated figure titles and captions,
// for the bone figures known only from it; relative to Shared.
const (
	figureTable = "corpus/pfocr-bone/tables/shiny-titles_pfocr_curated.tsv"
	pfocrTables = "c76c95606450204984234a7178e2e3c4a282c79a" // commit, see corpus/SOURCES.md
)

// readFigureTable reads the figure table's rows by figid.
func readFigureTable(shared string) (map[string]*source.Document, error) {
	f, err := os.Open(filepath.Join(shared, figureTable))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := pfocr.ReadTable(f, path.Join("shared", figureTable), source.Limits{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]*source.Document)
	for _, d := range docs {
		out[d.ID] = d
	}
	return out, nil
}

var (
	tableRow   = regexp.MustCompile(`^\| (PMC\S+) \| ([0-9a-f]{7,40}) \|`)
	commitList = regexp.MustCompile("^\\s*- `([0-9a-f]{40})`: (.*)$")
)

// figureCommits reads, from the SOURCES.md files of the figure folders,
// the commit each record was copied at, where they say it.
func figureCommits(shared string) (map[string]string, error) {
	out := make(map[string]string)
	for _, p := range []string{"corpus/SOURCES.md", "corpus/pfocr-bone-more/SOURCES.md"} {
		f, err := os.Open(filepath.Join(shared, p))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if m := tableRow.FindStringSubmatch(sc.Text()); m != nil {
				out[m[1]] = m[2]
			}
			if m := commitList.FindStringSubmatch(sc.Text()); m != nil {
				for _, name := range strings.Split(m[2], ",") {
					if name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), ",")); strings.HasPrefix(name, "PMC") {
						out[strings.Fields(name)[0]] = m[1]
					}
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pathway is one imported WikiPathways pathway.
type pathway struct {
	Statements []source.Statement
	Nodes      []graph.Node
	Documents  []*source.Document
	// Problems are what the import left out: group members that do not
	// resolve, statements of metabolites that read as genes.
	Problems []*source.ParseError
}

// readPathways imports the bone pathways, in ID order.
func readPathways(shared string, r *resolve.Resolver) ([]pathway, []knowledge.Source, error) {
	entries, err := os.ReadDir(filepath.Join(shared, pathwayFolder))
	if err != nil {
		return nil, nil, err
	}
	var out []pathway
	var sources []knowledge.Source
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "WP") {
			continue
		}
		id := e.Name()
		f, err := os.Open(filepath.Join(shared, gpmlFolder, id+".gpml"))
		if err != nil {
			return nil, nil, err
		}
		pw, err := gpml.Read(f, path.Join("shared", gpmlFolder, id+".gpml"), source.Limits{})
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		c, problems := pw.Corpus(r) // group members that do not resolve, metabolites that read as genes
		out = append(out, pathway{Statements: c.Statements, Nodes: c.Nodes, Problems: problems, Documents: []*source.Document{{
			ID: pw.ID, Kind: source.Pathway, Title: pw.Title, Citation: pw.ID + " " + pw.Title}}})
		sources = append(sources, knowledge.Source{ID: pw.ID, Kind: "gpml",
			Origin: "github:wikipathways/wikipathways-database/pathways/" + id + "/" + id + ".gpml", Commit: wikipathways, License: "CC0"})
	}
	return out, sources, nil
}

// snapshot writes down the built graph, its report and its sources.
func snapshot(g *graph.Graph, rep *build.Report, c source.Corpus, sources []knowledge.Source, counts knowledge.Counts) *knowledge.Snapshot {
	s := &knowledge.Snapshot{Sources: sources, Nodes: slices.Clone(g.NodeList())}
	slices.SortFunc(s.Sources, func(a, b knowledge.Source) int { return cmp.Compare(a.ID, b.ID) })
	cited := make(map[string]bool)
	for _, e := range g.Edges() {
		for _, ev := range e.Evidence {
			s.Edges = append(s.Edges, knowledge.Edge{From: e.From, To: e.To, Relation: e.Relation, Evidence: ev})
			cited[ev.Doc] = true
		}
	}
	for _, d := range c.Documents {
		if !cited[d.ID] {
			continue
		}
		s.Documents = append(s.Documents, knowledge.Document{ID: d.ID, Kind: d.Kind.String(), Citation: d.Citation, Title: d.Title, Year: d.Year})
	}
	slices.SortFunc(s.Documents, func(a, b knowledge.Document) int { return cmp.Compare(a.ID, b.ID) })
	counts.Read, counts.Added, counts.Merged = rep.Read, rep.Added, rep.Merged
	counts.Duplicates, counts.Unresolved, counts.Rejected = len(rep.Duplicates), len(rep.Unresolved), len(rep.Rejected)
	s.Counts = counts
	for _, p := range rep.Problems() {
		st := p.Statement
		s.Problems = append(s.Problems, knowledge.Problem{Pos: st.Pos.String(), Doc: st.Doc, Subject: st.Subject,
			Relation: st.Relation.String(), Object: st.Object, Outcome: p.Outcome.String(), Reason: p.Reason})
	}
	return s
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// WriteCompressed writes the snapshot gzip-compressed, reproducibly: the
// gzip header carries no name and no time.
func WriteCompressed(w io.Writer, s *knowledge.Snapshot) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := s.Encode(zw); err != nil {
		return err
	}
	return zw.Close()
}
