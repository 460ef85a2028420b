package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// Snapshot is the compiled default knowledge: where it comes from, the
// documents it cites, the entities it names and every statement as a
// piece of evidence of an edge, with the counts of the build that made it.
type Snapshot struct {
	// Sources name every source the snapshot rests on.
	Sources []Source
	// Documents are the documents cited, without their text.
	Documents []Document
	// Nodes are the entities of the graph, groups with their members.
	Nodes []graph.Node
	// Edges are the statements: one per piece of evidence, in graph order.
	Edges []Edge
	// Counts are the numbers of the build that compiled the snapshot.
	Counts Counts
	// Problems are the statements of the sources that did not become
	// evidence (unresolved names, curators' rejections of the reader's
	// statements), each with its outcome and reason.
	Problems []Problem
}

// Source is one entry of the manifest: a document, a pathway or a table
// the snapshot was compiled from.
type Source struct {
	ID      string // a document ID (figid, PMID:..., doi:...) or a pathway ID (WP2018)
	Kind    string // "pfocr", "pubmed-page", "gpml", "curation"
	Origin  string // where it was read: a repository and path
	Commit  string // the commit of the file read, when known
	License string // "CC0", ...
}

// Document is what the snapshot keeps of a document: how to cite it.
type Document struct {
	ID       string // the document's ID, as [graph.Evidence.Doc] names it
	Kind     string // "pfocr", "pubmed-page", "pathway"
	Citation string // "PMC7426519 F3", "Roodman GD. J Clin Oncol. 2001", "WP2018"
	Title    string // the document's title; "" when it has none
	Year     string // the year of publication; "" when unknown
}

// Edge is one piece of evidence for the edge From → To.
type Edge struct {
	From, To string         // the IDs of the source and target nodes
	Relation graph.Relation // the edge's relation
	Evidence graph.Evidence // the one piece of evidence this record holds
}

// Counts account for the statements the compiling build read: Read equals
// Added + Merged + Duplicates + Unresolved + Rejected.
type Counts struct {
	// Read, Added and Merged are the counts of the build's report;
	// Duplicates, Unresolved and Rejected the lengths of its problem lists.
	Read, Added, Merged, Duplicates, Unresolved, Rejected int
	// Curated, Accepted, Corrected, Imported count the statements by
	// origin: a curator's own, a reader statement a curator accepted or
	// corrected, a pathway's.
	Curated, Accepted, Corrected, Imported int
	// ReaderRejected counts the reader statements curators rejected.
	ReaderRejected int
}

// Problem is a statement that did not become evidence.
type Problem struct {
	Pos string // file:line:col of the statement
	Doc string // the ID of the document the statement is from
	// Subject and Object are the names as the statement gives them,
	// Relation the relation's name ("activates", "inhibits", "secretes").
	Subject, Relation, Object string
	Outcome                   string // "unresolved", "rejected", "duplicate", or LeftOut
	Reason                    string // why, in words
}

// LeftOut is the outcome of what a pathway's import left out before the
// build (a group member that does not resolve, a statement of a metabolite
// that reads as a gene); such a problem names no statement.
const LeftOut = "left out"

// header starts every snapshot; its version changes with the format.
const header = "bonemet-knowledge\t1"

// Encode writes the snapshot as tab-separated lines, one record per line,
// its first field saying what it is (S source, D document, N node, E
// evidence, C counts, P problem). Fields escape backslash, tab and line
// breaks; lists are joined with "|". The output depends only on the
// snapshot: records are written in the order given.
func (s *Snapshot) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(fields ...string) {
		for i, f := range fields {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(escape(f))
		}
		bw.WriteByte('\n')
	}
	bw.WriteString(header + "\n")
	for _, x := range s.Sources {
		line("S", x.ID, x.Kind, x.Origin, x.Commit, x.License)
	}
	for _, d := range s.Documents {
		line("D", d.ID, d.Kind, d.Citation, d.Title, d.Year)
	}
	for _, n := range s.Nodes {
		line("N", n.ID, n.Kind.String(), n.Group.String(), n.Symbol, n.Name, strings.Join(n.Members, "|"), strings.Join(n.Xrefs, "|"))
	}
	for _, e := range s.Edges {
		ev := e.Evidence
		line("E", e.From, e.Relation.String(), e.To, ev.Doc, ev.Section, strconv.Itoa(ev.Start), strconv.Itoa(ev.End),
			ev.Method.String(), ev.Rule, strconv.FormatFloat(ev.Confidence, 'g', -1, 64), ev.Quote, ev.Note)
	}
	c := s.Counts
	line("C", itoa(c.Read), itoa(c.Added), itoa(c.Merged), itoa(c.Duplicates), itoa(c.Unresolved), itoa(c.Rejected),
		itoa(c.Curated), itoa(c.Accepted), itoa(c.Corrected), itoa(c.Imported), itoa(c.ReaderRejected))
	for _, p := range s.Problems {
		line("P", p.Pos, p.Doc, p.Subject, p.Relation, p.Object, p.Outcome, p.Reason)
	}
	return bw.Flush()
}

func itoa(n int) string { return strconv.Itoa(n) }

// Decode reads a snapshot written by [Snapshot.Encode]. Errors name the
// line at fault.
func Decode(r io.Reader) (*Snapshot, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	s := &Snapshot{}
	n := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("knowledge snapshot line %d: %s", n, fmt.Sprintf(format, args...))
	}
	var fields []string
	for sc.Scan() {
		n++
		text := sc.Bytes()
		if n == 1 {
			if string(text) != header {
				return nil, fail("not a snapshot of this version (want %q)", header)
			}
			continue
		}
		fields = splitFields(fields[:0], text)
		want := map[string]int{"S": 6, "D": 6, "N": 8, "E": 13, "C": 12, "P": 8}[fields[0]]
		if want == 0 || len(fields) != want {
			return nil, fail("record %q with %d fields", fields[0], len(fields))
		}
		if err := s.add(fields); err != nil {
			return nil, fail("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("knowledge snapshot: %w", err)
	}
	if n == 0 {
		return nil, fmt.Errorf("knowledge snapshot: empty")
	}
	return s, nil
}

// add appends the record of one line.
func (s *Snapshot) add(f []string) error {
	switch f[0] {
	case "S":
		s.Sources = append(s.Sources, Source{f[1], f[2], f[3], f[4], f[5]})
	case "D":
		s.Documents = append(s.Documents, Document{f[1], f[2], f[3], f[4], f[5]})
	case "N":
		k, err := graph.ParseKind(f[2])
		if err != nil {
			return err
		}
		g := graph.NotGroup
		if f[3] != "" {
			var err error
			if g, err = graph.ParseGroupType(f[3]); err != nil {
				return err
			}
		}
		s.Nodes = append(s.Nodes, graph.Node{ID: f[1], Kind: k, Group: g, Symbol: f[4], Name: f[5], Members: list(f[6]), Xrefs: list(f[7])})
	case "E":
		rel, err := graph.ParseRelation(f[2])
		if err != nil {
			return err
		}
		m, err := graph.ParseMethod(f[8])
		if err != nil {
			return err
		}
		start, err1 := strconv.Atoi(f[6])
		end, err2 := strconv.Atoi(f[7])
		conf, err3 := strconv.ParseFloat(f[10], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("bad number in %q %q %q", f[6], f[7], f[10])
		}
		s.Edges = append(s.Edges, Edge{From: f[1], Relation: rel, To: f[3], Evidence: graph.Evidence{
			Doc: f[4], Section: f[5], Start: start, End: end, Method: m, Rule: f[9], Confidence: conf, Quote: f[11], Note: f[12]}})
	case "C":
		var v [11]int
		for i := range v {
			x, err := strconv.Atoi(f[i+1])
			if err != nil {
				return err
			}
			v[i] = x
		}
		s.Counts = Counts{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]}
	case "P":
		s.Problems = append(s.Problems, Problem{f[1], f[2], f[3], f[4], f[5], f[6], f[7]})
	}
	return nil
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// splitFields splits a line at tabs and unescapes each field.
func splitFields(dst []string, line []byte) []string {
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, unescape(line))
		}
		dst = append(dst, unescape(line[:i]))
		line = line[i+1:]
	}
}

var escaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func escape(s string) string { return escaper.Replace(s) }

func unescape(b []byte) string {
	if !slices.Contains(b, '\\') {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 't':
				c = '\t'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			default:
				c = b[i]
			}
		}
		out.WriteByte(c)
	}
	return out.String()
}
