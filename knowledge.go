package bonemet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/knowledge"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// KnowledgeFS returns the sources of the default knowledge that live in
// the module: the seed documents (docs/) and every curation file
// (curation/, one per curated document). The default knowledge itself is
// compiled from these and the documents they curate; see [Default].
func KnowledgeFS() fs.FS { return knowledge.Files() }

// Errors of name lookups; test with [errors.Is].
var (
	ErrUnknownName   = errors.New("unknown name")
	ErrAmbiguousName = errors.New("ambiguous name")
	ErrNotInGraph    = errors.New("known entity without edges in this graph")
)

// NameError says why a name did not lead to one node of the graph.
type NameError struct {
	Name   string         // the name asked for
	Result resolve.Result // what the resolver made of it
	Err    error          // ErrUnknownName, ErrAmbiguousName or ErrNotInGraph
}

// Error describes the failure, listing the candidates of an ambiguous name.
func (e *NameError) Error() string {
	msg := fmt.Sprintf("%q: %v", clip(e.Name, 80), e.Err)
	if len(e.Result.Candidates) > 0 {
		var cs []string
		for _, c := range e.Result.Candidates {
			cs = append(cs, c.ID+" ("+c.Label()+")")
		}
		msg += ": " + strings.Join(cs, ", ")
	}
	if e.Result.Reason != "" {
		msg += " [" + clip(e.Result.Reason, 200) + "]"
	}
	if len(e.Result.Suggestions) > 0 {
		var ss []string
		for _, s := range e.Result.Suggestions {
			ss = append(ss, s.Node.Label()+" ("+s.Node.ID+")")
		}
		msg += "; did you mean " + strings.Join(ss, ", ") + "?"
	}
	return msg
}

// clip cuts s to about n bytes at a rune boundary, saying how much was
// left out, so that a message never echoes a huge input.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:i], len(s))
}

// Unwrap returns the sentinel error.
func (e *NameError) Unwrap() error { return e.Err }

// Knowledge is a built pathway graph together with the resolver that names
// its nodes and the corpus and report it was built from. Its query methods
// take names as a person types them ("RANK ligand", "osteoclasts",
// "Denosumab") and are safe for concurrent use.
type Knowledge struct {
	// Graph is the built graph, immutable and safe for concurrent use.
	Graph *graph.Graph
	// Corpus holds the documents and statements the graph was built from
	// (for the default knowledge, documents without their text and the
	// statements as evidence of the snapshot).
	Corpus source.Corpus
	// Report accounts for every statement read by the build.
	Report *build.Report
	// Warnings are problems of the imports that did not stop them
	// (unplaced GPML interactions, complex rows of causal tables, group
	// members that do not resolve, statements of GPML metabolites that
	// read as genes), each with its position; those of the default
	// knowledge's pathways come first.
	Warnings []error
	// Sources name what the knowledge rests on: for the default
	// knowledge, every document and pathway with its origin, commit and
	// license.
	Sources []knowledge.Source

	resolver func() *resolve.Resolver
}

// Resolver returns the resolver that names the nodes.
func (k *Knowledge) Resolver() *resolve.Resolver { return k.resolver() }

// Options configure [Load]. The zero value adds the files to the default
// knowledge, resolves with the default resolver and reads with the default
// limits.
type Options struct {
	// Resolver names the entities; nil means [resolve.Default].
	Resolver *resolve.Resolver
	// Fresh builds from the files alone, without the default knowledge.
	Fresh bool
	// Limits bound the input files.
	Limits source.Limits
	// Strict fails the load on files that are neither documents nor
	// curation; by default they are skipped and listed in
	// Corpus.Skipped.
	Strict bool
	// Workers is how many files are parsed at a time: 0 means one per
	// GOMAXPROCS. The fs.FS given to [Load] must then be safe for
	// concurrent use, as os.DirFS and embed.FS are; set 1 otherwise. The
	// result does not depend on it.
	Workers int
	// Progress, when not nil, is called after each file is read, with the
	// count done, the total and the file.
	Progress func(done, total int, file string)
	// NoExtract turns the reader off: by default the statements the reader
	// extracts from every document's text are built with the curated ones,
	// and the evidence of each edge records which is which (curation can
	// accept, reject or correct what the reader found).
	NoExtract bool
	// Imports are curated pathway sources merged with the documents: GPML
	// files and signed causal tables (see [Import]). Their edges meet the
	// documents' edges on the same nodes; each edge's evidence says which
	// source supports it, and opposite signs are reported in
	// Report.Contradictions.
	Imports []string
}

var defaultKnowledge = sync.OnceValues(func() (*Knowledge, error) {
	s, err := knowledge.Default()
	if err != nil {
		return nil, err
	}
	return fromSnapshot(s)
})

// fromSnapshot makes the knowledge of a snapshot.
func fromSnapshot(s *knowledge.Snapshot) (*Knowledge, error) {
	g, err := s.Graph()
	if err != nil {
		return nil, err
	}
	c := corpusOf(s)
	rep := reportOf(s, c)
	rep.Contradictions = g.Contradictions()
	return &Knowledge{Graph: g, Corpus: c, Report: rep, Warnings: leftOut(s), Sources: s.Sources,
		resolver: sync.OnceValue(resolve.Default)}, nil
}

// leftOut returns what the import of the snapshot's pathways left out, as
// positioned errors.
func leftOut(s *knowledge.Snapshot) []error {
	var out []error
	for _, p := range s.Problems {
		if p.Outcome == knowledge.LeftOut {
			out = append(out, source.ErrorAt(source.ParsePos(p.Pos), errors.New(p.Reason)))
		}
	}
	return out
}

// Default returns the default knowledge, compiled into the module: the
// curated statements of over a hundred documents on bone biology and bone
// metastasis and the WikiPathways bone pathways (see package knowledge
// and Knowledge.Sources). It is decoded once and shared; its resolver is
// made on first use. It panics only if the embedded data is broken, which
// the package's tests rule out.
func Default() *Knowledge {
	k, err := defaultKnowledge()
	if err != nil {
		panic("bonemet: embedded knowledge: " + err.Error())
	}
	return k
}

// LoadDir builds knowledge from a folder of documents and curation files
// (see [Load]).
func LoadDir(dir string, opts Options) (*Knowledge, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a folder (-docs takes a folder of documents and curation files)", dir)
	}
	return Load(os.DirFS(dir), ".", opts)
}

// Load builds knowledge from the documents and curation files below root
// in fsys, added to the default knowledge (unless [Options].Fresh), with
// the statements the reader extracts from the documents (unless
// [Options].NoExtract) and the imports. It fails when a file cannot be
// read or parsed or a curated quote does not occur in its document;
// statements whose names do not resolve are not errors but are listed in
// the report (Knowledge.Report.Unresolved), and files that are not
// documents are skipped and listed in Corpus.Skipped (unless
// [Options].Strict).
func Load(fsys fs.FS, root string, opts Options) (*Knowledge, error) {
	r := opts.Resolver
	if r == nil {
		r = resolve.Default()
	}
	lo := ingest.LoadOptions{Limits: opts.Limits, Workers: opts.Workers, Progress: opts.Progress, Strict: opts.Strict}
	if !opts.NoExtract {
		// The reader runs in the workers, beside the parsing.
		rd := &extract.Reader{Resolver: r}
		lo.Extract = rd.Read
	}
	c, err := ingest.LoadParallel(fsys, root, lo)
	if err != nil {
		return nil, err
	}
	var sources []knowledge.Source
	var warnings []error
	if !opts.Fresh {
		s, err := knowledge.Default()
		if err != nil {
			return nil, err
		}
		base := corpusOf(s)
		base.Documents = append(base.Documents, c.Documents...)
		base.Statements = append(base.Statements, c.Statements...)
		base.Nodes = append(base.Nodes, c.Nodes...)
		base.Skipped = c.Skipped
		c, sources, warnings = base, s.Sources, leftOut(s)
	}
	imported, importWarnings, err := importAll(opts.Imports, r)
	if err != nil {
		return nil, err
	}
	warnings = append(warnings, importWarnings...)
	merge(&c, imported)
	g, rep, err := build.Build(c, r)
	if err != nil {
		return nil, err
	}
	return &Knowledge{Graph: g, Corpus: c, Report: rep, Warnings: warnings, Sources: sources,
		resolver: func() *resolve.Resolver { return r }}, nil
}

// corpusOf returns the snapshot as a corpus: its documents (without text),
// its evidence as statements naming node IDs, and its nodes.
func corpusOf(s *knowledge.Snapshot) source.Corpus {
	var c source.Corpus
	for _, d := range s.Documents {
		c.Documents = append(c.Documents, &source.Document{ID: d.ID, Kind: source.ParseDocKind(d.Kind), Citation: d.Citation, Title: d.Title, Year: d.Year})
	}
	c.Statements = make([]source.Statement, len(s.Edges))
	for i, e := range s.Edges {
		ev := e.Evidence
		c.Statements[i] = source.Statement{Doc: ev.Doc, Section: ev.Section, Subject: e.From, Relation: e.Relation, Object: e.To,
			Quote: ev.Quote, Start: ev.Start, End: ev.End, Method: ev.Method, Rule: ev.Rule, Confidence: ev.Confidence, Note: ev.Note,
			Pos: source.ParsePos(ev.Rule)}
	}
	c.Nodes = s.Nodes
	return c
}

// reportOf returns the report of the build that compiled the snapshot.
func reportOf(s *knowledge.Snapshot, c source.Corpus) *build.Report {
	n := s.Counts
	rep := &build.Report{Read: n.Read, Added: n.Added, Merged: n.Merged}
	for _, p := range s.Problems {
		if p.Outcome == knowledge.LeftOut {
			continue // not read by the build: see leftOut
		}
		rel, _ := graph.ParseRelation(p.Relation)
		pr := build.Problem{Statement: source.Statement{Doc: p.Doc, Subject: p.Subject, Relation: rel, Object: p.Object, Pos: source.ParsePos(p.Pos)},
			Reason: p.Reason}
		switch p.Outcome {
		case build.Duplicate.String():
			pr.Outcome = build.Duplicate
			rep.Duplicates = append(rep.Duplicates, pr)
		case build.Unresolved.String():
			pr.Outcome, pr.Cause = build.Unresolved, build.NameUnresolved
			rep.Unresolved = append(rep.Unresolved, pr)
		default:
			pr.Outcome = build.Rejected
			rep.Rejected = append(rep.Rejected, pr)
		}
	}
	return rep
}

// Find returns the node a name refers to. A name the resolver finds
// ambiguous is settled by the graph when exactly one of its candidates is
// in it.
func (k *Knowledge) Find(name string) (graph.Node, error) {
	res := k.Resolver().Resolve(name)
	switch res.Status {
	case resolve.Resolved:
		if res.List || len(res.Candidates) != 1 {
			return graph.Node{}, &NameError{name, res, ErrAmbiguousName}
		}
		n, ok := k.Graph.Lookup(res.Candidates[0].ID)
		if !ok {
			return graph.Node{}, &NameError{name, res, ErrNotInGraph}
		}
		return n, nil
	case resolve.Ambiguous:
		var in []graph.Node
		for _, c := range res.Candidates {
			if n, ok := k.Graph.Lookup(c.ID); ok {
				in = append(in, n)
			}
		}
		if len(in) == 1 {
			return in[0], nil
		}
		return graph.Node{}, &NameError{name, res, ErrAmbiguousName}
	}
	res.Suggestions = k.Resolver().Suggest(name, 3)
	return graph.Node{}, &NameError{name, res, ErrUnknownName}
}

// Downstream is [graph.Graph.Downstream] for a name.
func (k *Knowledge) Downstream(name string, opts ...graph.Option) ([]graph.Reach, error) {
	return k.query(name, opts, k.Graph.Downstream)
}

// Upstream is [graph.Graph.Upstream] for a name.
func (k *Knowledge) Upstream(name string, opts ...graph.Option) ([]graph.Reach, error) {
	return k.query(name, opts, k.Graph.Upstream)
}

// Blocks is [graph.Graph.Blocks] for a name.
func (k *Knowledge) Blocks(name string, opts ...graph.Option) ([]graph.Reach, error) {
	return k.query(name, opts, k.Graph.Blocks)
}

// Promotes is [graph.Graph.Promotes] for a name.
func (k *Knowledge) Promotes(name string, opts ...graph.Option) ([]graph.Reach, error) {
	return k.query(name, opts, k.Graph.Promotes)
}

func (k *Knowledge) query(name string, opts []graph.Option, q func(string, ...graph.Option) ([]graph.Reach, error)) ([]graph.Reach, error) {
	n, err := k.Find(name)
	if err != nil {
		return nil, err
	}
	return q(n.ID, opts...)
}

// Paths is [graph.Graph.Paths] between two names.
func (k *Knowledge) Paths(from, to string, opts ...graph.Option) ([]graph.Path, error) {
	u, err := k.Find(from)
	if err != nil {
		return nil, err
	}
	v, err := k.Find(to)
	if err != nil {
		return nil, err
	}
	return k.Graph.Paths(u.ID, v.ID, opts...)
}

// Reach returns how the node named from reaches the node named to: the
// entry for to in from's downstream answer, and false when it is not
// reached.
func (k *Knowledge) Reach(from, to string, opts ...graph.Option) (graph.Reach, bool, error) {
	v, err := k.Find(to)
	if err != nil {
		return graph.Reach{}, false, err
	}
	rs, err := k.Downstream(from, opts...)
	if err != nil {
		return graph.Reach{}, false, err
	}
	i := slices.IndexFunc(rs, func(r graph.Reach) bool { return r.Node.ID == v.ID })
	if i < 0 {
		return graph.Reach{}, false, nil
	}
	return rs[i], true, nil
}

// Cite returns a short citation of a document for display: the PFOCR
// figure ("PMC7426519 F3") or the document ID ("doi:10.1200/...",
// "PMID:11481364").
func (k *Knowledge) Cite(docID string) string {
	for _, d := range k.Corpus.Documents {
		if d.ID == docID && d.Kind == source.PFOCRFigure && d.Citation != "" {
			return d.Citation
		}
	}
	return docID
}

// Docs returns the short citations of the documents supporting an edge,
// in order, without repeats.
func (k *Knowledge) Docs(e *graph.Edge) []string {
	var out []string
	for _, ev := range e.Evidence {
		if c := k.Cite(ev.Doc); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Display returns how answers name a node: "LABEL (common name)" for a
// gene or group whose lexicon entry prefers a common name other than its
// label ("TNFSF11 (RANKL)", "NFkappaB (NF-κB)"), and the label otherwise.
func (k *Knowledge) Display(id string) string {
	n, ok := k.Graph.Lookup(id)
	if !ok {
		return id
	}
	label := n.Label()
	if n.Kind != graph.Gene && n.Kind != graph.Group {
		return label
	}
	if e, ok := k.Resolver().Entry(id); ok {
		for _, p := range e.Preferred {
			if !strings.EqualFold(p, label) {
				return label + " (" + p + ")"
			}
		}
	}
	return label
}
