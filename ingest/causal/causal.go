// Package causal reads tables of signed, directed interactions (OmniPath,
// SIGNOR, SIF-like) as statements.
package causal

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// Errors of [Read], wrapped in [*ParseError]s.
var (
	ErrComplex  = errors.New("complex: not imported")
	ErrUnsigned = errors.New("no causal sign")
)

// format is a layout of causal table that Read knows.
type format uint8

const (
	causalOmniPath format = iota + 1 // source, target, is_stimulation, is_inhibition, references
	causalSIF                        // source, interaction, target with interaction 1 or -1
	causalSIGNOR                     // ENTITYA, ..., ENTITYB, ..., EFFECT, ..., PMID
)

type columns struct {
	format              format
	source, target      int
	sign                int // SIF interaction, SIGNOR EFFECT
	stim, inhib         int // OmniPath is_stimulation, is_inhibition
	consStim, consInhib int // OmniPath consensus_stimulation, consensus_inhibition
	directed            int // OmniPath is_directed
	refs                int // OmniPath references, SIGNOR PMID
	typeA, typeB        int // SIGNOR entity types
	signorID            int // SIGNOR_ID
	doc, rule           string
	header              bool // the first line was a header
	minFields           int
}

// Read reads a tab-separated table of signed, directed
// interactions and returns one statement per row. Three layouts are
// recognised by their header (case-insensitive):
//
//   - OmniPath interactions: source, target, is_stimulation,
//     is_inhibition and optionally is_directed, consensus_stimulation,
//     consensus_inhibition, references, source_genesymbol and
//     target_genesymbol (used as the names when present). A row that both
//     stimulates and inhibits is settled by the consensus columns, and
//     yields both statements when they do not settle it. Doc is "OmniPath".
//   - signed SIF: source, interaction, target, where interaction is 1 or
//     -1 (also +1, +, -, or a relation name). A headerless file of such
//     rows is read too. Doc is the file's base name without extension.
//   - SIGNOR (its TSV download and CausalTab-like tables): ENTITYA, TYPEA,
//     ENTITYB, TYPEB, EFFECT (rows whose EFFECT begins "up-regulates" or
//     "down-regulates"), PMID, SIGNOR_ID. Doc is "SIGNOR".
//
// Each statement has Quote "<source> → <target>" (⊣ for inhibition),
// Rule "omnipath:<line>" ("signor:<line>" for SIGNOR), Method
// [graph.Imported], Confidence 1, the PMIDs of the row ("PMID:123") in
// Note, and Pos the row's line.
//
// Complexes, written with "_" between their members ("NFKB1_RELA") or as
// SIGNOR complex entities, are not imported: the resolver has no entity
// for them, and splitting them would turn a complex's effect into its
// members' effects. Such rows are reported with [ErrComplex]; rows without
// a causal sign or direction with [ErrUnsigned]; malformed rows with
// [ErrMissingField], [ErrUnknownRelation] or [ErrInvalidUTF8].
//
// Row problems do not stop the read: Read returns the
// statements of every good row together with an error joining one
// [*ParseError] (file:line:column) per skipped row. A missing or unknown
// header, or a read error, fails the read and returns no statements.
func Read(r io.Reader, file string, lim source.Limits) ([]source.Statement, error) {
	lim = lim.WithDefaults()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(64<<10, lim.MaxLine)), lim.MaxLine)
	var (
		cols  *columns
		stmts []source.Statement
		errs  []error
		line  int
	)
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			c, err := header(fields, file)
			if err != nil {
				return nil, &source.ParseError{File: file, Line: line, Column: 1, Text: text, Err: err}
			}
			cols = c
			if cols.header {
				continue
			}
		}
		ss, err := cols.row(fields, text, source.Pos{File: file, Line: line, Column: 1})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		stmts = append(stmts, ss...)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line longer than %d bytes", source.ErrTooLarge, lim.MaxLine)
		}
		return nil, source.ErrorAt(source.Pos{File: file, Line: line + 1, Column: 1}, err)
	}
	if cols == nil {
		return nil, source.ErrorAt(source.Pos{File: file, Line: 1, Column: 1}, fmt.Errorf("%w: no header or rows", source.ErrEmpty))
	}
	return stmts, errors.Join(errs...)
}

// header recognises the layout from the first line.
func header(fields []string, file string) (*columns, error) {
	idx := make(map[string]int, len(fields))
	for i, f := range fields {
		k := strings.ToLower(strings.TrimSpace(f))
		if _, dup := idx[k]; !dup {
			idx[k] = i
		}
	}
	col := func(names ...string) int {
		for _, n := range names {
			if i, ok := idx[n]; ok {
				return i
			}
		}
		return -1
	}
	c := &columns{header: true, stim: -1, inhib: -1, consStim: -1, consInhib: -1, directed: -1, refs: -1,
		typeA: -1, typeB: -1, signorID: -1, sign: -1}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if base == "" || base == "." || base == string(filepath.Separator) {
		base = "causal-table"
	}
	switch {
	case col("entitya") >= 0 && col("entityb") >= 0 && col("effect") >= 0:
		c.format, c.doc, c.rule = causalSIGNOR, "SIGNOR", "signor"
		c.source, c.target, c.sign = col("entitya"), col("entityb"), col("effect")
		c.typeA, c.typeB, c.refs, c.signorID = col("typea"), col("typeb"), col("pmid"), col("signor_id")
	case col("source") >= 0 && col("target") >= 0 && (col("is_stimulation") >= 0 || col("is_inhibition") >= 0 ||
		col("consensus_stimulation") >= 0):
		c.format, c.doc, c.rule = causalOmniPath, "OmniPath", "omnipath"
		c.source, c.target = col("source"), col("target")
		if s, t := col("source_genesymbol"), col("target_genesymbol"); s >= 0 && t >= 0 {
			c.source, c.target = s, t
		}
		c.stim, c.inhib = col("is_stimulation"), col("is_inhibition")
		c.consStim, c.consInhib = col("consensus_stimulation"), col("consensus_inhibition")
		c.directed, c.refs = col("is_directed"), col("references")
	case col("source") >= 0 && col("target") >= 0 && col("interaction", "sign") >= 0:
		c.format, c.doc, c.rule = causalSIF, base, "omnipath"
		c.source, c.target, c.sign = col("source"), col("target"), col("interaction", "sign")
	case len(fields) == 3 && isSIFSign(fields[1]):
		c.format, c.doc, c.rule, c.header = causalSIF, base, "omnipath", false
		c.source, c.sign, c.target = 0, 1, 2
	default:
		return nil, fmt.Errorf("%w: no header with source and target (OmniPath), source/interaction/target (signed SIF) or ENTITYA/ENTITYB/EFFECT (SIGNOR) in %q",
			source.ErrMissingField, abbreviate(strings.Join(fields, " "), 80))
	}
	for _, i := range []int{c.source, c.target, c.sign, c.stim, c.inhib, c.consStim, c.consInhib, c.directed, c.refs, c.typeA, c.typeB, c.signorID} {
		c.minFields = max(c.minFields, i+1)
	}
	return c, nil
}

func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isSIFSign(s string) bool {
	_, ok := parseSIFSign(s)
	return ok
}

func parseSIFSign(s string) (graph.Relation, bool) {
	switch strings.TrimSpace(s) {
	case "1", "+1", "+", "1.0":
		return graph.Activates, true
	case "-1", "-", "-1.0":
		return graph.Inhibits, true
	}
	r, err := graph.ParseRelation(s)
	return r, err == nil
}

// truthy reads OmniPath's 0/1 and True/False flags.
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "t", "yes", "y", "1.0":
		return true
	}
	return false
}

var pmidRe = regexp.MustCompile(`(?i)(?:^|[:;,|\s])(?:pmid:|pubmed:)?(\d{1,9})\b`)

// pmids extracts the PubMed ids of a references cell ("SIGNOR:123;HPRD:456",
// "123;456", "PMID:123"), sorted and distinct, as "PMID:<n>".
func pmids(s string) []string {
	var out []string
	for _, m := range pmidRe.FindAllStringSubmatch(s, -1) {
		out = append(out, "PMID:"+m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// column returns the 1-based byte column of field i of the line.
func column(fields []string, i int) int {
	c := 1
	for j := 0; j < i && j < len(fields); j++ {
		c += len(fields[j]) + 1
	}
	return c
}

func (c *columns) row(fields []string, text string, at source.Pos) ([]source.Statement, error) {
	fail := func(i int, err error) error {
		e := source.ErrorAt(at, err)
		e.Text = text
		if i >= 0 && i < len(fields) {
			e.Column, e.Len = column(fields, i), len(fields[i])
		} else if i >= 0 {
			e.Column = column(fields, i)
		}
		return e
	}
	if !utf8.ValidString(text) {
		return nil, fail(-1, source.ErrInvalidUTF8)
	}
	if len(fields) < c.minFields {
		return nil, fail(len(fields), fmt.Errorf("%w: %d columns, want at least %d", source.ErrMissingField, len(fields), c.minFields))
	}
	get := func(i int) string {
		if i < 0 || i >= len(fields) {
			return ""
		}
		return strings.TrimSpace(fields[i])
	}
	src, tgt := get(c.source), get(c.target)
	if src == "" {
		return nil, fail(c.source, fmt.Errorf("%w: source", source.ErrMissingField))
	}
	if tgt == "" {
		return nil, fail(c.target, fmt.Errorf("%w: target", source.ErrMissingField))
	}
	for _, e := range []struct {
		i    int
		name string
		typ  string
	}{{c.source, src, get(c.typeA)}, {c.target, tgt, get(c.typeB)}} {
		if isComplexName(e.name) || strings.EqualFold(e.typ, "complex") {
			return nil, fail(e.i, fmt.Errorf("%w: %s", ErrComplex, e.name))
		}
	}
	var rels []graph.Relation
	switch c.format {
	case causalSIF:
		r, ok := parseSIFSign(get(c.sign))
		if !ok {
			return nil, fail(c.sign, fmt.Errorf("%w: interaction %q (want 1 or -1)", source.ErrUnknownRelation, get(c.sign)))
		}
		rels = []graph.Relation{r}
	case causalSIGNOR:
		effect := strings.ToLower(get(c.sign))
		switch {
		case strings.HasPrefix(effect, "up-regulates"):
			rels = []graph.Relation{graph.Activates}
		case strings.HasPrefix(effect, "down-regulates"):
			rels = []graph.Relation{graph.Inhibits}
		default:
			return nil, fail(c.sign, fmt.Errorf("%w: EFFECT %q", ErrUnsigned, get(c.sign)))
		}
	case causalOmniPath:
		if c.directed >= 0 && !truthy(get(c.directed)) {
			return nil, fail(c.directed, fmt.Errorf("%w: undirected interaction", ErrUnsigned))
		}
		stim, inhib := truthy(get(c.stim)), truthy(get(c.inhib))
		if c.stim < 0 && c.inhib < 0 {
			stim, inhib = truthy(get(c.consStim)), truthy(get(c.consInhib))
		}
		if stim && inhib && (c.consStim >= 0 || c.consInhib >= 0) {
			cs, ci := truthy(get(c.consStim)), truthy(get(c.consInhib))
			if cs != ci {
				stim, inhib = cs, ci
			}
		}
		if stim {
			rels = append(rels, graph.Activates)
		}
		if inhib {
			rels = append(rels, graph.Inhibits)
		}
		if len(rels) == 0 {
			return nil, fail(max(c.stim, c.inhib), fmt.Errorf("%w: neither stimulation nor inhibition", ErrUnsigned))
		}
	}
	notes := pmids(get(c.refs))
	if id := get(c.signorID); id != "" {
		notes = append(notes, id)
	}
	out := make([]source.Statement, 0, len(rels))
	for _, r := range rels {
		out = append(out, source.Statement{
			Doc: c.doc, Subject: src, Object: tgt, Relation: r,
			Quote:  src + " " + r.Arrow() + " " + tgt,
			Method: graph.Imported, Rule: fmt.Sprintf("%s:%d", c.rule, at.Line), Confidence: 1,
			Note: strings.Join(notes, " "), Pos: at,
		})
	}
	return out, nil
}

// isComplexName reports whether an OmniPath name stands for a complex:
// "COMPLEX:…", or at least two members joined with "_" ("NFKB1_RELA",
// "_APH1A_NCSTN_PSEN1_PSENEN"). A part of digits only continues the
// member before it, so the HGNC symbol "C4B_2" is one member.
func isComplexName(s string) bool {
	if strings.HasPrefix(strings.ToUpper(s), "COMPLEX:") {
		return true
	}
	members := 0
	for _, p := range strings.Split(s, "_") {
		if p != "" && (members == 0 || strings.Trim(p, "0123456789") != "") {
			members++
		}
	}
	return members >= 2
}
