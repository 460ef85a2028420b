package main

// This file holds the printer: how answers are written, as text or as
// JSON lines.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/export"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

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
