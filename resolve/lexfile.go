package resolve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// lexicon TSV columns
const (
	colID = iota
	colKind
	colSymbol
	colName
	colSynonyms
	colPrevious
	colMembers
	colXrefs
	colGroup
	nCols
)

// ParseLexicon reads a lexicon in bonemet's TSV format: one entry per line,
// nine tab-separated columns
//
//	id  kind  symbol  name  synonyms  previous  members  xrefs  group
//
// where synonyms, previous, members and xrefs are |-separated lists (a
// synonym written with a leading "!" is preferred: it names this entry when
// other entries share it, as "NIK" names MAP3K14 rather than MAP4K4), kind is
// a [graph.Kind] name and group a [graph.GroupType] name (for kind group).
// Blank lines and lines starting with # are skipped. file names the input
// in errors, which are [*source.ParseError]s joined with [errors.Join].
func ParseLexicon(r io.Reader, file string) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var entries []Entry
	var errs []error
	seen := make(map[string]int)
	var text string
	bad := func(line, col int, err error) {
		errs = append(errs, &source.ParseError{File: file, Line: line, Column: col, Text: text, Err: err})
	}
	for line := 1; sc.Scan(); line++ {
		text = strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != nCols {
			bad(line, 1, fmt.Errorf("%w: %d, want %d", ErrColumns, len(f), nCols))
			continue
		}
		col := func(c int) int { // 1-based byte column of field c
			n := 1
			for _, s := range f[:c] {
				n += len(s) + 1
			}
			return n
		}
		var e Entry
		e.Node.ID = strings.TrimSpace(f[colID])
		if !graph.ValidID(e.Node.ID) {
			bad(line, col(colID), fmt.Errorf("%w: %q", graph.ErrBadID, f[colID]))
			continue
		}
		if prev, dup := seen[e.Node.ID]; dup {
			bad(line, col(colID), fmt.Errorf("%w: %s (first on line %d)", ErrDuplicate, e.Node.ID, prev))
			continue
		}
		seen[e.Node.ID] = line
		k, err := graph.ParseKind(strings.TrimSpace(f[colKind]))
		if err != nil {
			bad(line, col(colKind), err)
			continue
		}
		e.Node.Kind = k
		e.Node.Symbol = strings.TrimSpace(f[colSymbol])
		e.Node.Name = strings.TrimSpace(f[colName])
		if e.Node.Symbol == "" && e.Node.Name == "" {
			bad(line, col(colSymbol), fmt.Errorf("%w: symbol or name", ErrEmptyField))
			continue
		}
		for _, s := range splitList(f[colSynonyms]) {
			if p, ok := strings.CutPrefix(s, "!"); ok {
				e.Preferred = append(e.Preferred, strings.TrimSpace(p))
			} else {
				e.Synonyms = append(e.Synonyms, s)
			}
		}
		e.Previous = splitList(f[colPrevious])
		e.Node.Members = splitList(f[colMembers])
		e.Node.Xrefs = splitList(f[colXrefs])
		if g := strings.TrimSpace(f[colGroup]); g != "" {
			t, err := graph.ParseGroupType(g)
			if err != nil {
				bad(line, col(colGroup), err)
				continue
			}
			e.Node.Group = t
		}
		if (k == graph.Group) != (e.Node.Group != graph.NotGroup) {
			bad(line, col(colGroup), fmt.Errorf("%w: a group needs a group type, and only a group has one", ErrEmptyField))
			continue
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewLexicon(entries)
}

func splitList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// lexiconCleaner keeps a name within its field of the lexicon format.
var lexiconCleaner = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", "/")

// WriteLexicon writes entries in the format [ParseLexicon] reads.
func WriteLexicon(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	clean := lexiconCleaner.Replace
	list := func(ss []string) string {
		out := make([]string, 0, len(ss))
		for _, s := range ss {
			out = append(out, clean(s))
		}
		return strings.Join(out, "|")
	}
	for _, e := range entries {
		n := e.Node
		syn := list(e.Synonyms)
		for _, p := range e.Preferred {
			syn = strings.TrimPrefix(syn+"|!"+clean(p), "|")
		}
		fields := []string{n.ID, n.Kind.String(), clean(n.Symbol), clean(n.Name), syn, list(e.Previous),
			list(n.Members), list(n.Xrefs), n.Group.String()}
		if _, err := bw.WriteString(strings.Join(fields, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
