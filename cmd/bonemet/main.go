// Command bonemet is a command-line tool over the bonemet library, usable by
// scripts:
//
//	bonemet [flags] SUBCOMMAND [ARGS]
//
// Subcommands:
//
//	downstream NAME   every node NAME reaches, with net sign, depth and path
//	upstream NAME     every node that reaches NAME
//	blocks NAME       the downstream nodes NAME decreases (net −)
//	promotes NAME     the downstream nodes NAME increases (net +)
//	path FROM TO      the simple paths from FROM to TO, explained
//	resolve NAME      what a name refers to ("-": the names of standard
//	                  input, one per line, an answer each)
//	extract FILE...   the statements of the documents in FILE...
//	coverage          how the documents cover each curated pathway (edges
//	                  supported, only in the pathway, contradicted) and how
//	                  many documents speak of each node
//	export [QUERY]    the graph, or the subgraph a query answers (QUERY is
//	                  one of the queries above, e.g. "blocks denosumab"),
//	                  in the format given by -format
//
// Flags may come before or after the subcommand name:
//
//	-docs DIR        build the graph from a folder of documents and curation
//	                 files instead of the embedded default knowledge
//	-json            print one JSON object per line
//	-max-depth N     bound paths to N edges
//	-only RELS       follow only these relations (comma-separated)
//	-hgnc FILE       also resolve names with the full HGNC table
//	-context TEXT    for resolve: decide ambiguous names from this text
//	-import FILE     merge a curated pathway: a WikiPathways GPML file or a
//	                 signed causal table (OmniPath, SIGNOR); repeatable
//	-format F        export format: dot, graphml, sif, cyjs, neo4j, jsonl, or
//	                 a picture, svg or png, drawn by Graphviz when installed
//	-o PATH          export to a file (a folder for sif and neo4j)
//
// Errors go to standard error, with exit status 1 (2 for usage errors).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"unicode/utf8"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/export"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

type config struct {
	docs     string
	fresh    bool
	belief   float64
	methods  string
	strict   bool
	opposite bool
	json     bool
	maxDepth int
	only     string
	hgnc     string
	imports  listFlag
	format   string
	out      string
	context  string
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

var errUsage = errors.New("usage")

const usage = `usage: bonemet [-docs DIR [-fresh] [-strict]] [-json] [-max-depth N] [-only RELS] [-opposite]
               [-min-belief B] [-methods curated,imported,extracted]
               [-hgnc FILE] [-import FILE]... SUBCOMMAND ARGS
subcommands: downstream NAME | upstream NAME | blocks NAME | promotes NAME | path FROM TO |
             resolve [-context TEXT] NAME | extract FILE... |
             export -format dot|graphml|sif|cyjs|neo4j|jsonl|svg|png [-o FILE|DIR] [QUERY ARGS] |
             coverage | help`

// parseArgs parses flags wherever they stand among the positional
// arguments.
func parseArgs(args []string, stderr io.Writer) (config, []string, error) {
	var c config
	fs := flagSet(&c, stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return c, nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return c, pos, nil
}

// flagSet returns the tool's flags, bound to c.
func flagSet(c *config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("bonemet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, usage); fs.PrintDefaults() }
	fs.StringVar(&c.docs, "docs", "", "add a `folder` of documents and curation files to the default knowledge")
	fs.BoolVar(&c.fresh, "fresh", false, "with -docs: build from the folder alone, without the default knowledge")
	fs.BoolVar(&c.strict, "strict", false, "with -docs: fail on files that are not documents or curation instead of skipping them")
	fs.Float64Var(&c.belief, "min-belief", 0, "follow only edges believed at least this much (`0..1`; see graph.Edge.Belief)")
	fs.StringVar(&c.methods, "methods", "", "follow only evidence of these `methods` (comma-separated: curated,imported,extracted)")
	fs.BoolVar(&c.opposite, "opposite", false, "also print the route of the other sign where a node has one")
	fs.BoolVar(&c.json, "json", false, "print one JSON object per line")
	fs.IntVar(&c.maxDepth, "max-depth", 0, "bound paths to `n` edges (0: no bound; 6 for path)")
	fs.StringVar(&c.only, "only", "", "follow only these `relations` (comma-separated: activates,inhibits,secretes)")
	fs.StringVar(&c.hgnc, "hgnc", "", "also resolve names with the HGNC complete set `file`")
	fs.StringVar(&c.context, "context", "", "for resolve: decide ambiguous names from this `text` (a caption, a title)")
	fs.Var(&c.imports, "import", "merge a curated pathway `file` (GPML or a signed causal table); repeatable")
	fs.StringVar(&c.format, "format", "", "export `format`: dot, graphml, sif, cyjs, neo4j, jsonl, or a picture drawn by Graphviz: svg, png")
	fs.StringVar(&c.out, "o", "", "export to this `path` (a folder for sif and neo4j; standard output otherwise)")
	return fs
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, pos, err := parseArgs(args, stderr)
	if err != nil {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	cmd, rest := pos[0], pos[1:]
	if cmd == "help" {
		fmt.Fprintln(stdout, usage)
		fmt.Fprintln(stdout, "\nflags:")
		fs := flagSet(&config{}, stdout)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return 0
	}
	if cmd == "export" && c.format == "" {
		fmt.Fprintf(stderr, "bonemet export: give -format: dot, graphml, sif, cyjs, neo4j, jsonl, svg or png\n%s\n", usage)
		return 2
	}
	want := map[string]int{"downstream": 1, "upstream": 1, "blocks": 1, "promotes": 1, "path": 2, "resolve": 1}
	if n, ok := want[cmd]; ok && len(rest) != n {
		fmt.Fprintf(stderr, "bonemet %s: want %d argument(s), got %d\n%s\n", cmd, n, len(rest), usage)
		return 2
	}
	if cmd == "extract" && len(rest) == 0 {
		fmt.Fprintf(stderr, "bonemet extract: want at least one file\n%s\n", usage)
		return 2
	}
	if _, ok := want[cmd]; !ok && cmd != "extract" && cmd != "export" && cmd != "coverage" {
		fmt.Fprintf(stderr, "bonemet: unknown subcommand %q\n%s\n", cmd, usage)
		return 2
	}
	opts, err := c.queryOptions()
	if err != nil {
		fmt.Fprintln(stderr, "bonemet:", err)
		return 2
	}
	k, err := c.knowledge(stderr)
	if err != nil {
		fmt.Fprintln(stderr, "bonemet:", err)
		return 1
	}
	out := &printer{w: stdout, k: k, json: c.json, opposite: c.opposite}
	switch cmd {
	case "downstream":
		err = out.reaches(k.Downstream(rest[0], opts...))
	case "upstream":
		err = out.reaches(k.Upstream(rest[0], opts...))
	case "blocks":
		err = out.reaches(k.Blocks(rest[0], opts...))
	case "promotes":
		err = out.reaches(k.Promotes(rest[0], opts...))
	case "path":
		err = out.paths(k.Paths(rest[0], rest[1], opts...))
	case "resolve":
		switch {
		case rest[0] == "-":
			err = out.resolveLines(stdin, c.context)
		case c.context != "":
			err = out.resolveIn(k.Resolver().ResolveIn(rest[0], resolve.Context{Text: c.context}))
		default:
			err = out.resolve(k.Resolver().ResolveAll(rest[:1])[0])
		}
	case "extract":
		err = out.extract(rest, c)
	case "export":
		err = out.export(rest, c, opts, stdout)
	case "coverage":
		err = out.coverage()
	}
	if err != nil {
		fmt.Fprintf(stderr, "bonemet %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

func (c config) queryOptions() ([]graph.Option, error) {
	var opts []graph.Option
	if c.maxDepth > 0 {
		opts = append(opts, graph.MaxDepth(c.maxDepth))
	}
	if c.only != "" {
		var rels []graph.Relation
		for _, s := range strings.Split(c.only, ",") {
			r, err := graph.ParseRelation(s)
			if err != nil {
				return nil, fmt.Errorf("-only: %w", err)
			}
			rels = append(rels, r)
		}
		opts = append(opts, graph.Only(rels...))
	}
	if c.belief < 0 || c.belief > 1 {
		return nil, fmt.Errorf("-min-belief %v: want a number from 0 to 1", c.belief)
	}
	if c.belief > 0 {
		opts = append(opts, graph.MinBelief(c.belief))
	}
	if c.methods != "" {
		var ms []graph.Method
		for _, s := range strings.Split(c.methods, ",") {
			m, err := graph.ParseMethod(strings.TrimSpace(s))
			if err != nil {
				return nil, fmt.Errorf("-methods: %w", err)
			}
			ms = append(ms, m)
		}
		opts = append(opts, graph.Methods(ms...))
	}
	return opts, nil
}

func (c config) resolver() (*resolve.Resolver, error) {
	if c.hgnc == "" {
		return resolve.Default(), nil
	}
	f, err := os.Open(c.hgnc)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h, err := resolve.LoadHGNC(f, c.hgnc)
	if err != nil {
		return nil, err
	}
	return resolve.New(resolve.DefaultLexicon(), h), nil
}

func (c config) knowledge(stderr io.Writer) (*bonemet.Knowledge, error) {
	r, err := c.resolver()
	if err != nil {
		return nil, err
	}
	var k *bonemet.Knowledge
	switch {
	case c.docs == "" && c.hgnc == "" && len(c.imports) == 0:
		k = bonemet.Default()
	case c.docs == "":
		k, err = bonemet.Load(fstest.MapFS{}, ".", bonemet.Options{Resolver: r, Imports: c.imports})
	default:
		k, err = bonemet.LoadDir(c.docs, bonemet.Options{Resolver: r, Imports: c.imports, Fresh: c.fresh, Strict: c.strict,
			Progress: progress(stderr)})
	}
	if err != nil {
		return nil, err
	}
	for _, s := range k.Corpus.Skipped {
		fmt.Fprintf(stderr, "bonemet: skipped %v\n", s.Reason)
	}
	if c.docs != "" {
		if n := len(k.Corpus.Skipped); n > 0 {
			fmt.Fprintf(stderr, "bonemet: %d files skipped (not documents or curation; -strict makes them errors)\n", n)
		}
		if !folderRead(k, c.docs) {
			fmt.Fprintf(stderr, "bonemet: warning: %s holds no documents or curation files\n", c.docs)
		}
	}
	// The problems of the default knowledge are its report's (see the
	// coverage subcommand); the warnings are about the user's inputs.
	defaults := map[string]bool{}
	for _, s := range bonemet.Default().Sources {
		defaults[s.ID] = true
	}
	for _, p := range slices.Concat(k.Report.Unresolved, k.Report.Rejected) {
		if p.ByCuration() || defaults[p.Statement.Doc] {
			continue // a curator's decision, or the default knowledge's
		}
		fmt.Fprintf(stderr, "bonemet: warning: %s\n", p)
	}
	for _, w := range k.Warnings {
		fmt.Fprintf(stderr, "bonemet: warning: %v\n", w)
	}
	for _, ct := range k.Report.Contradictions {
		if onlyDefault(ct.Positive, defaults) && onlyDefault(ct.Negative, defaults) {
			continue
		}
		fmt.Fprintf(stderr, "bonemet: warning: contradiction: %s activates %s [%s] and inhibits it [%s]\n",
			k.Display(ct.From), k.Display(ct.To), strings.Join(k.Docs(ct.Positive), "; "), strings.Join(k.Docs(ct.Negative), "; "))
	}
	return k, nil
}

// onlyDefault reports whether every piece of evidence of e comes from the
// default knowledge's sources.
func onlyDefault(e *graph.Edge, defaults map[string]bool) bool {
	for _, ev := range e.Evidence {
		if !defaults[ev.Doc] {
			return false
		}
	}
	return true
}

// folderRead reports whether a document or statement was read from the
// folder (the default knowledge's have no file of the folder).
func folderRead(k *bonemet.Knowledge, dir string) bool {
	for _, d := range k.Corpus.Documents {
		if d.File != "" {
			return true
		}
	}
	for _, s := range k.Corpus.Statements {
		if s.Method == graph.Curated && !strings.HasPrefix(s.Pos.File, "knowledge/") {
			return true
		}
	}
	return false
}

// progress returns a callback that keeps one progress line on stderr
// while a folder is read, when stderr is a terminal; nil otherwise.
func progress(stderr io.Writer) func(done, total int, file string) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int, file string) {
		fmt.Fprintf(f, "\r\033[Kbonemet: read %d/%d files (%s)", done, total, filepath.Base(file))
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}

type printer struct {
	w        io.Writer
	k        *bonemet.Knowledge
	json     bool
	opposite bool // print the route of the other sign of every reach that has one
}

func (p *printer) emit(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(p.w, "%s\n", b)
	return err
}

func (p *printer) reaches(rs []graph.Reach, err error) error {
	if err != nil {
		return err
	}
	for _, r := range rs {
		if p.json {
			if err := p.emit(r); err != nil {
				return err
			}
			continue
		}
		path, via := r.Path(), ""
		if path.FromGroup != "" || path.ToGroup != "" {
			via = "  (through the group " + p.k.Display(path.FromGroup+path.ToGroup) + ")"
		}
		// The route of the other sign decides an ambivalent sign and is
		// always shown then; elsewhere -opposite shows it (in a graph of
		// many documents most nodes are reached both ways by some route).
		opp := r.Opposite()
		fmt.Fprintf(p.w, "%-22s %v  depth %d  %s%s\n", p.k.Display(r.Node.ID), r.Sign, r.Depth, p.hops(path), via)
		if len(opp.Edges) > 0 && (r.Sign == graph.Ambivalent || p.opposite) {
			fmt.Fprintf(p.w, "%-22s    also %v by: %s\n", "", opp.Sign(), p.hops(opp))
		}
	}
	return nil
}

func (p *printer) hops(path graph.Path) string {
	if path.Len() == 0 {
		return ""
	}
	var b strings.Builder
	from, _ := p.k.Graph.Lookup(path.Edges[0].From)
	b.WriteString(from.Label())
	for _, e := range path.Edges {
		to, _ := p.k.Graph.Lookup(e.To)
		fmt.Fprintf(&b, " %s %s [%s]", e.Relation.Arrow(), to.Label(), strings.Join(p.k.Docs(e), "; "))
	}
	return b.String()
}

func (p *printer) paths(ps []graph.Path, err error) error {
	if err != nil && !errors.Is(err, graph.ErrTooManyPaths) {
		return err
	}
	for i, path := range ps {
		if p.json {
			if err := p.emit(path); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(p.w, "path %d (%v): %s\n%s\n", i+1, path.Sign(), p.k.Graph.Chain(path), p.k.Graph.Explain(path))
	}
	if len(ps) == 0 && !p.json {
		fmt.Fprintln(p.w, "no path")
	}
	return err
}

type resolveJSON struct {
	Query       string       `json:"query"`
	Status      string       `json:"status"`
	Candidates  []graph.Node `json:"candidates"`
	List        bool         `json:"list,omitempty"`
	Reason      string       `json:"reason,omitempty"`
	Score       *float64     `json:"score,omitempty"`
	Why         []string     `json:"why,omitempty"`
	Suggestions []graph.Node `json:"suggestions,omitempty"`
}

// maxLine bounds a name read by resolve -.
const maxLine = 1 << 20

// resolveLines resolves the names of r, one per line (blank lines
// skipped), printing one answer each, in order; with a context, in it.
func (p *printer) resolveLines(r io.Reader, context string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var names []string
	for sc.Scan() {
		if name := strings.TrimSpace(sc.Text()); name != "" {
			names = append(names, name)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("standard input, name %d: %w", len(names)+1, err)
	}
	if context != "" {
		for _, res := range p.k.Resolver().InContext(resolve.Context{Text: context}).ResolveAll(names) {
			if err := p.resolveIn(res); err != nil {
				return err
			}
		}
		return nil
	}
	for _, res := range p.k.Resolver().ResolveAll(names) {
		if err := p.resolve(res); err != nil {
			return err
		}
	}
	return nil
}

func suggested(ss []resolve.Suggestion) []graph.Node {
	var out []graph.Node
	for _, s := range ss {
		out = append(out, s.Node)
	}
	return out
}

// resolveIn prints a resolution in context, with its score and why.
func (p *printer) resolveIn(r resolve.ContextResult) error {
	if p.json {
		cs := r.Candidates
		if cs == nil {
			cs = []graph.Node{}
		}
		score := math.Round(r.Score*1000) / 1000
		return p.emit(resolveJSON{r.Query, r.Status.String(), cs, r.List, r.Reason, &score, r.Why, suggested(r.Suggestions)})
	}
	if err := p.resolve(r.Result); err != nil {
		return err
	}
	fmt.Fprintf(p.w, "  score %.3f\n", r.Score)
	for _, w := range r.Why {
		fmt.Fprintf(p.w, "  - %s\n", w)
	}
	return nil
}

func (p *printer) resolve(r resolve.Result) error {
	if p.json {
		cs := r.Candidates
		if cs == nil {
			cs = []graph.Node{}
		}
		return p.emit(resolveJSON{r.Query, r.Status.String(), cs, r.List, r.Reason, nil, nil, suggested(r.Suggestions)})
	}
	fmt.Fprintf(p.w, "%s: %v (%s)\n", clip(r.Query), r.Status, r.Reason)
	for _, s := range r.Suggestions {
		fmt.Fprintf(p.w, "  did you mean %s (%s)?\n", s.Node.Label(), s.Node.ID)
	}
	for _, c := range r.Candidates {
		kind := c.Kind.String()
		if c.Group != graph.NotGroup {
			kind += ", " + c.Group.String()
		}
		fmt.Fprintf(p.w, "  %-20s %-12s %s [%s]\n", c.ID, c.Label(), c.Name, kind)
		for _, m := range c.Members {
			if e, ok := p.k.Resolver().Entry(m); ok {
				fmt.Fprintf(p.w, "    member %-13s %s\n", m, e.Node.Label())
			}
		}
	}
	return nil
}

// extract prints the statements about the documents in the files, in
// document ID order whatever the order of the files.
func (p *printer) extract(files []string, c config) error {
	var errs []error
	var all []*source.Document
	seen := make(map[string]bool)
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs, err := ingest.ReadDocuments(f, file, source.Limits{})
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
		for _, d := range docs {
			if !seen[d.ID] {
				seen[d.ID] = true
				all = append(all, d)
			}
		}
	}
	slices.SortFunc(all, func(a, b *source.Document) int { return strings.Compare(a.ID, b.ID) })
	for _, d := range all {
		if err := p.statementsOf(d); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// statementsOf prints what the reader extracts from the document and what
// the curation of the loaded knowledge says about it.
func (p *printer) statementsOf(d *source.Document) error {
	rd := extract.Reader{Resolver: p.k.Resolver()}
	stmts := rd.Read(d)
	for _, s := range p.k.Corpus.Statements {
		if s.Doc == d.ID && s.Method == graph.Curated && s.Action == source.Add {
			stmts = append(stmts, s)
		}
	}
	for _, s := range stmts {
		subj := p.k.Resolver().Resolve(s.Subject)
		obj := p.k.Resolver().Resolve(s.Object)
		if subj.Status != resolve.Resolved || obj.Status != resolve.Resolved {
			fmt.Fprintf(p.w, "# unresolved: %s %v %s (%s)\n", s.Subject, s.Relation, s.Object, s.Pos)
			continue
		}
		ev := s.Evidence()
		conf := math.Round(s.Confidence*1000) / 1000
		for _, sn := range subj.Candidates {
			for _, on := range obj.Candidates {
				j := export.StatementJSON{Doc: s.Doc, Section: s.Section, Subject: sn, Relation: s.Relation, Object: on, Quote: s.Quote,
					Start: s.Start, End: s.End, Method: s.Method, Rule: ev.Rule, Confidence: conf, Hedge: s.Hedge.String()}
				if p.json {
					if err := p.emit(j); err != nil {
						return err
					}
					continue
				}
				fmt.Fprintf(p.w, "%s: %s %s %s  %q (%v, %s, %.2f)\n", p.k.Cite(s.Doc), sn.Label(), s.Relation.Arrow(), on.Label(), s.Quote, s.Method, ev.Rule, conf)
			}
		}
	}
	return nil
}

// export writes the graph, or the subgraph a query answers, in c.format.
// The pictures (svg, png) are drawn by Graphviz's dot from the DOT export.
func (p *printer) export(query []string, c config, opts []graph.Option, stdout io.Writer) error {
	picture := c.format == "svg" || c.format == "png"
	format := c.format
	if picture {
		format = "dot"
	}
	f, err := export.ParseFormat(format)
	if err != nil {
		return fmt.Errorf("-format: %w (or svg, png with Graphviz)", err)
	}
	g := p.k.Graph
	if len(query) > 0 {
		if g, err = p.subgraph(query, opts); err != nil {
			return err
		}
	}
	if picture {
		return draw(g, c.format, c.out, stdout)
	}
	if f.MultiFile() {
		if c.out == "" {
			return fmt.Errorf("-format %v writes several files: give a folder with -o", f)
		}
		if err := os.MkdirAll(c.out, 0o755); err != nil {
			return err
		}
		return export.WriteDir(c.out, g, f)
	}
	if c.out == "" {
		return export.Write(stdout, g, f)
	}
	file, err := os.Create(c.out)
	if err != nil {
		return err
	}
	if err := export.Write(file, g, f); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// subgraph answers a query ("blocks denosumab", "path A B") with the
// subgraph of its answer.
func (p *printer) subgraph(query []string, opts []graph.Option) (*graph.Graph, error) {
	want := map[string]int{"downstream": 2, "upstream": 2, "blocks": 2, "promotes": 2, "path": 3}
	if n, ok := want[query[0]]; !ok || len(query) != n {
		return nil, fmt.Errorf("export: the query must be downstream|upstream|blocks|promotes NAME or path FROM TO, not %q", strings.Join(query, " "))
	}
	k := p.k
	if query[0] == "path" {
		from, err := k.Find(query[1])
		if err != nil {
			return nil, err
		}
		paths, err := k.Paths(query[1], query[2], opts...)
		if err != nil && !errors.Is(err, graph.ErrTooManyPaths) {
			return nil, err
		}
		return k.Graph.PathSubgraph(from.ID, paths), nil
	}
	n, err := k.Find(query[1])
	if err != nil {
		return nil, err
	}
	q := map[string]func(string, ...graph.Option) ([]graph.Reach, error){
		"downstream": k.Graph.Downstream, "upstream": k.Graph.Upstream, "blocks": k.Graph.Blocks, "promotes": k.Graph.Promotes,
	}[query[0]]
	rs, err := q(n.ID, opts...)
	if err != nil {
		return nil, err
	}
	return k.Graph.ReachSubgraph(n.ID, rs), nil
}

// draw renders the graph with Graphviz's dot.
func draw(g *graph.Graph, format, out string, stdout io.Writer) error {
	dot, err := exec.LookPath("dot")
	if err != nil {
		return fmt.Errorf("-format %s needs Graphviz's dot on the PATH (apt-get install graphviz): %w", format, err)
	}
	var src bytes.Buffer
	if err := export.WriteDOT(&src, g); err != nil {
		return err
	}
	args := []string{"-T" + format}
	if out != "" {
		args = append(args, "-o", out)
	}
	cmd := exec.Command(dot, args...)
	cmd.Stdin = &src
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("dot: %w: %s", err, stderr.String())
	}
	return nil
}

// coverage prints how the documents cover each pathway, and the nodes
// by the number of documents that speak of them.
func (p *printer) coverage() error {
	cov, err := p.k.Coverage()
	if err != nil {
		return err
	}
	if !p.json {
		if err := cov.WriteMarkdown(p.w, -1); err != nil {
			return err
		}
		// Sources that disagree, both sides cited.
		fmt.Fprintf(p.w, "\n%d contradictions\n", len(p.k.Report.Contradictions))
		for _, ct := range p.k.Report.Contradictions {
			fmt.Fprintf(p.w, "- %s activates %s [%s] and inhibits it [%s]\n", p.k.Display(ct.From), p.k.Display(ct.To),
				strings.Join(p.k.Docs(ct.Positive), "; "), strings.Join(p.k.Docs(ct.Negative), "; "))
		}
		return nil
	}
	for _, pw := range cov.Pathways {
		if err := p.emit(pw); err != nil {
			return err
		}
	}
	for _, n := range cov.Nodes {
		if err := p.emit(n); err != nil {
			return err
		}
	}
	return nil
}

// clip cuts a name to 200 bytes for display, saying how long it was.
func clip(s string) string {
	if len(s) <= 200 {
		return s
	}
	i := 200
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:i], len(s))
}
