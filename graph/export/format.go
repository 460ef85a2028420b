package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// Errors returned by the package; test them with [errors.Is].
var (
	ErrUnknownFormat = errors.New("unknown export format")
	ErrMultiFile     = errors.New("format is written as several files; use WriteDir")
	ErrNilGraph      = errors.New("nil graph")
)

// Format is an export format. The zero value is invalid.
type Format uint8

// Formats.
const (
	FormatInvalid Format = iota
	DOT                  // Graphviz DOT ("dot")
	GraphML              // GraphML with typed keys ("graphml")
	SIF                  // simple interaction format with attribute tables ("sif")
	CytoscapeJSON        // Cytoscape.js elements JSON ("cyjs")
	Neo4j                // neo4j-admin import CSVs ("neo4j")
	JSONL                // JSON lines, one statement per evidence record ("jsonl")
)

var formatNames = [...]string{"invalid", "dot", "graphml", "sif", "cyjs", "neo4j", "jsonl"}

// String returns the format's name as [ParseFormat] accepts it.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", f)
}

// ParseFormat returns the format named s: "dot", "graphml", "sif", "cyjs",
// "neo4j" or "jsonl" (case-insensitive).
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if f != 0 && strings.EqualFold(strings.TrimSpace(s), name) {
			return Format(f), nil
		}
	}
	return FormatInvalid, fmt.Errorf("%w: %q (want one of %s)", ErrUnknownFormat, s, strings.Join(formatNames[1:], ", "))
}

// MultiFile reports whether [WriteDir] writes the format as several files
// ([SIF]: the network and its attribute tables; [Neo4j]: nodes and
// relationships). [Write] writes every format but [Neo4j] as one stream;
// for [SIF] that stream is the network alone.
func (f Format) MultiFile() bool { return f == SIF || f == Neo4j }

// Files returns the names of the files [WriteDir] writes for the format,
// in the order it writes them, or nil for an invalid format.
func (f Format) Files() []string {
	switch f {
	case DOT:
		return []string{"graph.dot"}
	case GraphML:
		return []string{"graph.graphml"}
	case SIF:
		return []string{"graph.sif", "graph.edge_attributes.tsv", "graph.node_attributes.tsv"}
	case CytoscapeJSON:
		return []string{"graph.cyjs"}
	case Neo4j:
		return []string{"nodes.csv", "relationships.csv"}
	case JSONL:
		return []string{"statements.jsonl"}
	}
	return nil
}

// Write writes g to w in format f. It fails with [ErrMultiFile] for
// [Neo4j], whose nodes and relationships are separate files.
func Write(w io.Writer, g *graph.Graph, f Format) error {
	if g == nil {
		return ErrNilGraph
	}
	switch f {
	case DOT:
		return WriteDOT(w, g)
	case GraphML:
		return WriteGraphML(w, g)
	case SIF:
		return WriteSIF(w, g)
	case CytoscapeJSON:
		return WriteCytoscapeJSON(w, g)
	case JSONL:
		return WriteStatements(w, g)
	case Neo4j:
		return fmt.Errorf("%v: %w", f, ErrMultiFile)
	}
	return fmt.Errorf("%w: %v", ErrUnknownFormat, f)
}

// WriteDir writes g in format f into the directory dir, creating it when
// needed, under the names [Format.Files] lists (for [Neo4j], nodes.csv and
// relationships.csv; for [SIF], graph.sif, graph.edge_attributes.tsv and
// graph.node_attributes.tsv). Existing files of those names are replaced.
func WriteDir(dir string, g *graph.Graph, f Format) error {
	if g == nil {
		return ErrNilGraph
	}
	var writers []func(io.Writer, *graph.Graph) error
	switch f {
	case DOT:
		writers = append(writers, WriteDOT)
	case GraphML:
		writers = append(writers, WriteGraphML)
	case SIF:
		writers = append(writers, WriteSIF, WriteSIFEdgeAttributes, WriteSIFNodeAttributes)
	case CytoscapeJSON:
		writers = append(writers, WriteCytoscapeJSON)
	case Neo4j:
		writers = append(writers, WriteNeo4jNodes, WriteNeo4jRelationships)
	case JSONL:
		writers = append(writers, WriteStatements)
	default:
		return fmt.Errorf("%w: %v", ErrUnknownFormat, f)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, name := range f.Files() {
		if err := writeFile(filepath.Join(dir, name), g, writers[i]); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, g *graph.Graph, write func(io.Writer, *graph.Graph) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(f, g)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// errWriter buffers output and remembers the first write error, so that
// writers can print freely and check once.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriter(w)} }

func (e *errWriter) print(ss ...string) {
	for _, s := range ss {
		if e.err != nil {
			return
		}
		_, e.err = e.w.WriteString(s)
	}
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// docs returns the distinct documents of the edge's evidence, sorted.
func docs(e *graph.Edge) []string {
	ds := make([]string, 0, len(e.Evidence))
	for _, ev := range e.Evidence {
		ds = append(ds, ev.Doc)
	}
	slices.Sort(ds)
	return slices.Compact(ds)
}

// quotes returns the distinct quotes of the edge's evidence, in evidence
// order.
func quotes(e *graph.Edge) []string {
	var qs []string
	for _, ev := range e.Evidence {
		if ev.Quote != "" && !slices.Contains(qs, ev.Quote) {
			qs = append(qs, ev.Quote)
		}
	}
	return qs
}

// maxConfidence returns the highest confidence of the edge's evidence.
func maxConfidence(e *graph.Edge) float64 {
	c := 0.0
	for _, ev := range e.Evidence {
		c = max(c, ev.Confidence)
	}
	return c
}

// oneLine makes s safe for a line-oriented format: valid UTF-8, with tabs,
// carriage returns and newlines turned into spaces.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\r' || r == '\n' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// listSep joins list values in the GraphML, SIF and Cytoscape tables.
const listSep = "|"
