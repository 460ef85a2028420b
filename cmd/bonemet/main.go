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
// A NAME of several words may be quoted or not ("blocks zoledronic acid");
// path's two names must be quoted when they have several words.
//
// Flags may come before or after the subcommand name:
//
//	-docs DIR        add a folder of documents and curation files to the
//	                 embedded default knowledge
//	-fresh           with -docs: build from the folder alone
//	-strict          with -docs: fail on files that are not documents or
//	                 curation instead of skipping them (they are listed)
//	-json            print one JSON object per line
//	-max-depth N     bound paths to N edges
//	-only RELS       follow only these relations (comma-separated)
//	-min-belief B    follow only edges believed at least B (0..1)
//	-methods M       follow only evidence of these methods (comma-separated:
//	                 curated, imported, extracted)
//	-opposite        also print the route of the other sign where a node
//	                 has one
//	-hgnc FILE       also resolve names with the full HGNC table
//	-context TEXT    for resolve: decide ambiguous names from this text
//	-import FILE     merge a curated pathway: a WikiPathways GPML file, a
//	                 BEL script (.bel) or a signed causal table (OmniPath,
//	                 SIGNOR); repeatable
//	-format F        export format: dot, graphml, sif, cyjs, neo4j, jsonl, or
//	                 a picture, svg or png, drawn by Graphviz when installed
//	-o PATH          export to a file (a folder for sif and neo4j)
//
// "bonemet help" lists every flag.
//
// Errors go to standard error, with exit status 1 (2 for usage errors).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
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
	fs.Var(&c.imports, "import", "merge a curated pathway `file` (GPML, a BEL script .bel, or a signed causal table); repeatable")
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
	if n, ok := want[cmd]; ok && n == 1 && len(rest) > 1 {
		// One name of several words, unquoted: "blocks zoledronic acid".
		rest = []string{strings.Join(rest, " ")}
	}
	if n, ok := want[cmd]; ok && len(rest) != n {
		hint := ""
		if len(rest) > n {
			hint = "; quote a name of several words: bonemet path \"IAP antagonists\" \"bone metastasis\""
		}
		fmt.Fprintf(stderr, "bonemet %s: want %d name(s), got %d%s\n%s\n", cmd, n, len(rest), hint, usage)
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
	own := map[string]bool{}
	for _, w := range bonemet.Default().Warnings {
		own[w.Error()] = true
	}
	for _, w := range k.Warnings {
		if !own[w.Error()] {
			fmt.Fprintf(stderr, "bonemet: warning: %v\n", w)
		}
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
