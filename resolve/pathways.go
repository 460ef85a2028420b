package resolve

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
)

//go:generate go run ./internal/pathgen -shared ../../shared -o lexicon/pathways.tsv

// pathwaysFile is the generated table of pathway gene sets (see
// lexicon/SOURCES.md).
//
//go:embed lexicon/pathways.tsv
var pathwaysFile string

// pathwaySets maps an HGNC id to the indices of the pathways (lines of
// lexicon/pathways.tsv) that name the gene, ascending.
var pathwaySets = sync.OnceValue(func() map[string][]uint16 {
	m, err := parsePathways(pathwaysFile)
	if err != nil {
		// The embedded table is tested; reaching this is a build defect.
		panic(fmt.Sprintf("resolve: embedded lexicon/pathways.tsv: %v", err))
	}
	return m
})

func parsePathways(s string) (map[string][]uint16, error) {
	m := make(map[string][]uint16, 10000)
	n := 0
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		_, genes, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %q: no tab", line)
		}
		if n > 1<<16-1 {
			return nil, fmt.Errorf("more than %d pathways", 1<<16)
		}
		for g := range strings.SplitSeq(genes, ",") {
			if _, err := strconv.Atoi(g); err != nil {
				return nil, fmt.Errorf("line %q: gene %q: %v", line, g, err)
			}
			id := "HGNC:" + g
			m[id] = append(m[id], uint16(n))
		}
		n++
	}
	return m, nil
}

// sharePathway reports whether two pathway index lists (ascending) have
// an index in common.
func sharePathway(a, b []uint16) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// maxAliasRunes is the longest short alias (in normalised runes) whose
// fit with the text's other genes is checked.
const maxAliasRunes = 5

// offPathway is the Reason prefix of a short alias set aside because it
// fits none of the other genes its text names.
const offPathway = "set aside: "

// gene is a gene a text names, for coherence.
type gene struct {
	id     string
	strong bool // named by a symbol, preferred synonym or name
}

// coherence sets aside the short aliases of genes that fit none of the
// other genes a text names. A gene found only through a short alias or
// previous symbol ("CSR" for SCARA3, "TGs" for LIN9, "LEC" for CCL16) is
// kept when the text names no other gene of a known pathway, when it
// shares a WikiPathways pathway with one of them (a member of a named
// family counts), or when the text also names it otherwise; else the
// mention becomes Unknown, its Reason saying why and its candidate kept.
//
// The same fit chooses among the genes of an ambiguous name of three
// characters or more ("TRIF" for TICAM1 or TRIM69, "gp130" for IL6ST or
// LRPPRC): when exactly one candidate shares a pathway with a gene the
// text names by its symbol, preferred name or name (or is named there
// otherwise) and with two of them at least, the mention resolves to it,
// its Reason saying why. A name followed by "cells" ("PC-3 cells") is
// a cell line, and stays ambiguous.
func (r *Resolver) coherence(text string, ms []Mention) {
	suspect := false
	for _, m := range ms {
		if m.Resolved() && !m.Result.List && m.Result.Candidates[0].Kind == graph.Gene && isShortAlias(m) || ambiguousGenes(m) {
			suspect = true
			break
		}
	}
	if !suspect {
		return // the common case: no short alias to judge
	}
	sets := pathwaySets()
	var genes []gene
	at := map[string]int{} // the index of each gene in genes
	var groups []string    // the groups whose members are in genes
	addGene := func(id string, strong bool) {
		if i, ok := at[id]; ok {
			genes[i].strong = genes[i].strong || strong
			return
		}
		at[id] = len(genes)
		genes = append(genes, gene{id, strong})
	}
	for _, m := range ms {
		if !m.Resolved() {
			continue
		}
		if m.Result.List {
			for _, n := range m.Result.Candidates {
				if n.Kind == graph.Gene {
					addGene(n.ID, true)
				}
			}
			continue
		}
		switch n := m.Result.Candidates[0]; {
		case n.Kind == graph.Gene:
			addGene(n.ID, !isShortAlias(m))
		case geneLike(n) && !slices.Contains(groups, n.ID):
			groups = append(groups, n.ID)
			for _, id := range r.memberGenes(n.ID) {
				addGene(id, true)
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if !m.Resolved() || m.Result.List || !isShortAlias(*m) {
			continue
		}
		n := m.Result.Candidates[0]
		if n.Kind != graph.Gene {
			continue
		}
		own := sets[n.ID]
		others, fits := 0, false
		for _, g := range genes {
			if g.id == n.ID {
				fits = fits || g.strong // named otherwise too
				continue
			}
			gs, ok := sets[g.id]
			if !ok {
				continue
			}
			others++
			fits = fits || sharePathway(own, gs)
		}
		if others == 0 || fits {
			continue
		}
		m.Result.Status = Unknown
		m.Result.Reason = offPathway + m.Result.Reason + " of " + n.Label() +
			", which shares no pathway with the other genes the text names"
	}
	for i := range ms {
		m := &ms[i]
		if !ambiguousGenes(*m) || cellLine(text[m.End:]) {
			continue
		}
		cands := m.Result.Candidates
		var pick graph.Node
		var why string
		fitting := 0
		for _, c := range cands {
			if s := fit(c, cands, genes, sets, r); s != "" {
				fitting++
				pick, why = c, s
			}
		}
		if fitting != 1 {
			continue
		}
		m.Result.Status = Resolved
		m.Result.Candidates = []graph.Node{pick}
		m.Result.Reason = fmt.Sprintf("%s; of %d genes, only %s %s", m.Result.Reason, len(cands), pick.Label(), why)
	}
}

// fit says how the other genes of a text support candidate c of an
// ambiguous name, or "" when they do not: c is named there otherwise, or
// shares a pathway with two genes at least that the text names by a
// symbol, preferred name or name (other candidates left out).
func fit(c graph.Node, cands []graph.Node, genes []gene, sets map[string][]uint16, r *Resolver) string {
	own, ok := sets[c.ID]
	var with []string
	for _, g := range genes {
		if !g.strong {
			continue
		}
		if g.id == c.ID {
			return "is also named in the text"
		}
		if !ok || slices.ContainsFunc(cands, func(o graph.Node) bool { return o.ID == g.id }) {
			continue
		}
		if gs, ok := sets[g.id]; ok && sharePathway(own, gs) {
			with = append(with, g.id)
		}
	}
	if len(with) < 2 {
		return ""
	}
	label := func(id string) string {
		if e, ok := r.Entry(id); ok {
			return e.Node.Label()
		}
		return id
	}
	return fmt.Sprintf("shares a pathway with genes the text names (%s, %s)", label(with[0]), label(with[1]))
}

// ambiguousGenes reports whether a mention of three characters or more
// is ambiguous between genes only: the ambiguity coherence may settle.
// One- and two-character names ("T1", "S2") are mostly panel labels, and
// a name must read as a symbol the way the mention finder reads unknown
// words (symbolLike: at least two letters, "C-11" is a compound's code).
func ambiguousGenes(m Mention) bool {
	if m.Result.Status != Ambiguous || len(m.Result.Candidates) < 2 || utf8.RuneCountInString(Normalize(m.Text)) < 3 ||
		strings.ContainsAny(m.Text, "/ ") || !symbolShaped(m.Text) || !symbolLike(m.Text) {
		return false
	}
	for _, c := range m.Result.Candidates {
		if c.Kind != graph.Gene {
			return false
		}
	}
	return true
}

// memberGenes returns the IDs of the members of a group that are genes,
// read once per resolver and group.
func (r *Resolver) memberGenes(id string) []string {
	if v, ok := r.geneMembers.Load(id); ok {
		return v.([]string)
	}
	var out []string
	for _, x := range r.Members(id) {
		if x.Kind == graph.Gene {
			out = append(out, x.ID)
		}
	}
	v, _ := r.geneMembers.LoadOrStore(id, out)
	return v.([]string)
}

// isShortAlias reports whether a mention resolves to a gene only
// through a short alias or previous symbol, and not through a definition
// in its text nor by a CD number.
func isShortAlias(m Mention) bool {
	if m.Result.Tier < TierSynonym || len(m.Text) > 4*maxAliasRunes || strings.HasPrefix(m.Result.Reason, "abbreviation") {
		return false
	}
	key := Normalize(m.Text)
	return utf8.RuneCountInString(key) <= maxAliasRunes && !clusterOfDifferentiation(key)
}

// clusterOfDifferentiation reports whether a normalised name is a CD
// number ("cd148", "cd11b"): a standard name of one molecule, whatever
// else the text names.
func clusterOfDifferentiation(key string) bool {
	rest, ok := strings.CutPrefix(key, "cd")
	if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' {
		return false
	}
	digits := strings.TrimLeft(rest, "0123456789")
	return len(digits) <= 1
}

// cellLine reports whether the text after a name begins with "cell" or
// "cells": the name is that of a cell line.
func cellLine(after string) bool {
	w, _, _ := strings.Cut(strings.TrimLeft(after, " -"), " ")
	w = strings.TrimRight(strings.ToLower(w), ".,;:)")
	return w == "cell" || w == "cells"
}

// symbolShaped reports whether a name is written as a gene symbol: two
// capitals or more, or letters and digits ("TRIF", "PrP", "gp130",
// "Mps1"), not as a word ("Delta", "Arg") nor as the plural of a short
// form ("HCs", "ESTs").
func symbolShaped(s string) bool {
	if n := len(s); n > 2 && s[n-1] == 's' && 'A' <= s[n-2] && s[n-2] <= 'Z' {
		return false
	}
	upper, digit, letter := 0, false, false
	for _, c := range s {
		if unicode.IsUpper(c) {
			upper++
		}
		digit = digit || unicode.IsDigit(c)
		letter = letter || unicode.IsLetter(c)
	}
	return upper >= 2 || digit && letter
}
