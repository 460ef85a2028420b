package resolve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
	"github.com/bonemet/bonemet/source"
)

// Status is the outcome of a resolution. The zero value is invalid.
type Status uint8

// Statuses.
const (
	StatusInvalid Status = iota
	Resolved             // one entity (or, for a list, one entity per part)
	Ambiguous            // several entities match equally well
	Unknown              // nothing matches
)

var statusNames = [...]string{"invalid", "resolved", "ambiguous", "unknown"}

// String returns "resolved", "ambiguous" or "unknown".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Result is the answer to a resolution.
type Result struct {
	Query  string // the name asked for
	Status Status // resolved, ambiguous or unknown
	// Candidates holds, when Resolved, the entity (or, when List is set,
	// one entity per part of the list); when Ambiguous, every candidate,
	// strongest match first. It may share memory with the lexicon and
	// must not be modified.
	Candidates []graph.Node
	// List is set when the name was a slash list ("RANK/RANKL") whose
	// parts resolved to separate entities that form no known group.
	List bool
	// Tier is how the (first) candidate matched.
	Tier Tier
	// Reason says why, in a few words.
	Reason string
	// Suggestions are, for an Unknown result of [Resolver.ResolveAll] or
	// [Scope.ResolveAll], the entities with a name a few edits away,
	// closest first ("did you mean"); see [Resolver.Suggest].
	Suggestions []Suggestion
}

// Node returns the entity of a Resolved, non-list result.
func (r Result) Node() (graph.Node, bool) {
	if r.Status != Resolved || r.List || len(r.Candidates) != 1 {
		return graph.Node{}, false
	}
	return r.Candidates[0], true
}

// Resolver turns names into entities by looking them up in lexicons, in
// order: an entity found in an earlier lexicon hides the matches of later
// ones for the same name, so a domain lexicon can override a genome-wide
// one. It is immutable and safe for concurrent use.
type Resolver struct {
	lexicons []*Lexicon
	// geneMembers caches, per group ID, the IDs of its members that are
	// genes (see coherence).
	geneMembers sync.Map
}

// New returns a resolver over the lexicons, earliest first. A stacked
// lexicon such as [DefaultLexicon] counts as its parts in turn.
func New(lexicons ...*Lexicon) *Resolver {
	var leaves []*Lexicon
	for _, l := range lexicons {
		leaves = append(leaves, l.leaves()...)
	}
	return &Resolver{lexicons: leaves}
}

// Entry returns the entry with the given CURIE from the first lexicon that
// has it.
func (r *Resolver) Entry(id string) (Entry, bool) {
	for _, l := range r.lexicons {
		if i := l.indexOf(id); i >= 0 {
			return l.entryAt(i), true
		}
	}
	return Entry{}, false
}

type match struct {
	node *graph.Node // in a lexicon: must not be modified
	tier Tier
	rank uint8
}

// hits are the postings of a key in the first lexicon that has any, in
// posting order (strongest tier first, then by source rank and ID).
type hits struct {
	lex *Lexicon
	ps  []posting
}

func (h hits) len() int               { return len(h.ps) }
func (h hits) node(i int) *graph.Node { return h.lex.node(h.ps[i].entry) }
func (h hits) tier(i int) Tier        { return h.ps[i].tier }
func (h hits) rank(i int) uint8       { return h.ps[i].rank }
func (h hits) at(i int) (Tier, uint8, *graph.Node) {
	return h.ps[i].tier, h.ps[i].rank, h.lex.node(h.ps[i].entry)
}

// find returns the postings of the normalised key in the first lexicon that
// has any, decoding those of a compiled lexicon into buf.
func (r *Resolver) find(key []byte, buf []posting) hits {
	h := lexdata.HashBytes(key)
	for _, l := range r.lexicons {
		if ps := l.lookup(buf[:0], key, h); len(ps) > 0 {
			return hits{l, ps}
		}
	}
	return hits{}
}

// findBest is find for Resolve: when the strongest posting of a compiled
// lexicon is alone at its tier and rank, the weaker ones are not
// decoded; n is the number of postings the key has.
func (r *Resolver) findBest(key []byte, buf []posting) (hits, int) {
	h := lexdata.HashBytes(key)
	for _, l := range r.lexicons {
		if l.pk != nil {
			if ps, n := l.pk.lookupBest(buf[:0], key, h); n > 0 {
				return hits{l, ps}, n
			}
			continue
		}
		if ps := l.lookup(buf[:0], key, h); len(ps) > 0 {
			return hits{l, ps}, len(ps)
		}
	}
	return hits{}, 0
}

// MaxName is the longest name, in bytes, that [Resolver.Resolve] and
// [Scope.Resolve] look up; a longer one is Unknown, with a reason that
// says so.
const MaxName = 1024

// Resolve looks a name up: a CURIE of a known entity or a cross-reference
// that one entity carries ("HGNC:11998", "hgnc:11998", "NCBIGene:7157",
// "UniProt:P04637", "BEL:AKT Family"; a BEL name no entry carries is read
// by its name, then without a last word "Family" or "Complex"), a symbol,
// name, synonym or previous symbol (after [Normalize]; a plural falls
// back to its singular), or a
// slash list whose parts resolve ("cIAP1/2" is cIAP1 and cIAP2; when the
// parts are exactly the members of a group, the answer is the group). The
// plural of a short form in capitals ("FAs", "APCs") is not an entity
// whose name is those capitals and an S (FAS, APCS): unless some entry
// names it as written ("CSCs"), it is read as its singular when that
// names a family ("RARs"), and is Unknown otherwise. A
// name with a slash that matches an entity none of whose names has a
// slash is read as its list when its parts resolve ("CD4/8" is CD4 and
// CD8, not CD48).
// Among several matches the strongest [Tier] wins when it holds a single
// entity; at the same tier, an entity of a preferred source of the
// compiled lexicon wins (a curated grounding, then protein-coding genes,
// FamPlex, other genes, cells, ChEBI, MeSH); otherwise the result is
// Ambiguous, with the candidates strongest first. A symbol written in
// another case ("Rho" for RHO) gives way to a curated name written
// exactly so (FamPlex's "Rho", RHOA). A name found in a
// lexicon costs no allocation once its entry has been decoded.
func (r *Resolver) Resolve(name string) Result { return r.resolve(name, true) }

// resolve is Resolve; labels says whether the label forms of labels.go
// are read. A name read through a label form is resolved without them,
// and so is everything inside that reading: each form makes the name
// shorter, but trying several at every step would take exponential time
// ("Protein Protein … X gene gene …").
func (r *Resolver) resolve(name string, labels bool) Result {
	res := r.resolveName(name, labels)
	if res.Status == Unknown {
		if alt, ok := pluralHead(res.Query); ok {
			// "caspases-3", "Smads 2": the first of a list whose head is
			// written in the plural
			if a := r.resolveName(alt, labels); a.Status != Unknown {
				a.Query = res.Query
				a.Reason += fmt.Sprintf(" (read as %q)", alt)
				return a
			}
		}
		return res
	}
	if !capitalsPlural(res.Query) || !r.foldedPlural(res) {
		return res
	}
	q := res.Query
	sg := r.resolveName(q[:len(q)-1], labels)
	if n, ok := sg.Node(); ok && n.Kind == graph.Group {
		sg.Query = q
		sg.Reason += fmt.Sprintf(" (read as the plural of %q)", q[:len(q)-1])
		return sg
	}
	return Result{Query: q, Status: Unknown,
		Reason: fmt.Sprintf("the plural of the short form %q, which names no family; %s is another name", q[:len(q)-1], strings.ToUpper(q))}
}

// pluralHead returns, for a name whose head is a plural before a short
// number or letter ("caspases-3", "Smads 2", "MMPs-9"), the name with the
// head in the singular.
func pluralHead(name string) (string, bool) {
	p := strings.LastIndexAny(name, " -")
	if p < 4 || len(name)-p-1 > 3 || len(name)-p-1 == 0 {
		return "", false
	}
	head, tail := name[:p], name[p+1:]
	if head[len(head)-1] != 's' || head[len(head)-2] == 's' || !isDigit(tail[0]) {
		return "", false
	}
	for i := 1; i < len(tail); i++ {
		if !isDigit(tail[i]) && !isASCIILetter(tail[i]) {
			return "", false
		}
	}
	return head[:len(head)-1] + name[p:], true
}

// capitalsPlural reports whether a name is the plural of a short form in
// capitals: two capitals or digits or more, the first and the last of
// them capitals, and a last "s" ("APCs", "FAs", not "C1s", the gene C1S
// as the field writes it).
func capitalsPlural(name string) bool {
	n := len(name)
	if n < 3 || name[n-1] != 's' || name[0] < 'A' || name[0] > 'Z' || name[n-2] < 'A' || name[n-2] > 'Z' {
		return false
	}
	for i := 1; i < n-1; i++ {
		if c := name[i]; (c < 'A' || c > 'Z') && !isDigit(c) {
			return false
		}
	}
	return true
}

// foldedPlural reports whether res, the reading of a plural of capitals,
// rests on a name of its candidates that ends in a capital S (FAS for
// "FAs") and no candidate has a name written as the query is.
func (r *Resolver) foldedPlural(res Result) bool {
	cands := res.Candidates
	if n, ok := res.Node(); ok {
		cands = []graph.Node{n}
	}
	upper, folded := strings.ToUpper(res.Query), false
	for _, c := range cands {
		e, ok := r.Entry(c.ID)
		if !ok {
			continue
		}
		for _, names := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Synonyms, e.Preferred, e.Previous} {
			for _, w := range names {
				if w == res.Query {
					return false
				}
				folded = folded || w == upper
			}
		}
	}
	return folded
}

// resolveName is resolve before the plurals of capitals are checked.
func (r *Resolver) resolveName(name string, labels bool) Result {
	if len(name) > 0 && (name[0] <= ' ' || name[len(name)-1] <= ' ') {
		name = strings.TrimSpace(name)
	}
	res := Result{Query: name, Status: Unknown}
	if fixed, n := source.FixMojibake(name); n > 0 {
		// "NF-ÎºB": a name mis-decoded on its way here, resolved as
		// repaired, and the reason says so (the repair shrinks the name,
		// so this recursion ends)
		res := r.resolve(fixed, labels)
		res.Query = name
		res.Reason += fmt.Sprintf(" (read as %q: %d mis-decoded characters repaired)", fixed, n)
		return res
	}
	switch {
	case name == "":
		res.Reason = "empty name"
		return res
	case len(name) > MaxName:
		res.Query = name[:64] + "..."
		res.Reason = fmt.Sprintf("name of %d bytes, longer than %d", len(name), MaxName)
		return res
	}
	if strings.IndexByte(name, ':') > 0 {
		if c, ok := r.resolveCURIE(res); ok {
			return c
		}
		if len(name) > 4 && strings.EqualFold(name[:4], "BEL:") {
			return r.resolveBELName(res, name[4:])
		}
	}
	if maybeIon(name) {
		if ion, ok := ionName(name); ok {
			return r.resolveIon(res, ion)
		}
	}
	if genes := microRNAGenes(name); len(genes) > 0 {
		// "miR-218", "miR-335-5p", "hsa-miR-21-3p": the gene of a
		// microRNA, before any alias ("miR-1" is also FSD1's); a mature
		// microRNA of several loci is read as the first ("miR-218":
		// MIR218-1)
		for i, g := range genes {
			if res := r.resolve(g, labels); microRNAGene(res) {
				// "MIR1" is also an alias of FSD1
				res.Query = name
				if i > 0 && len(genes) == 3 { // no locus named: MIR218, MIR218-1, MIR2181
					res.Reason += fmt.Sprintf(" (read as %q: the first locus of the microRNA)", g)
				} else {
					res.Reason += fmt.Sprintf(" (read as %q: the gene of the microRNA)", g)
				}
				return res
			}
		}
	}
	var buf [4]posting
	if h, n, how := r.findNameBest(name, buf[:0]); h.len() > 0 {
		if p := h.ps[0]; len(h.ps) == 1 {
			// The common case, settled without building a reason.
			res.Status, res.Tier, res.Reason = Resolved, p.tier, p.tier.String()
			if how != "" {
				res.Reason = p.tier.asSingular()
			}
			if n > 1 && int(p.tier) < len(tierNames) {
				res.Reason = tierWeaker[min(len(how), 1)][p.tier]
			}
		} else {
			res = settle(res, h.len(), h.at, how)
			if res.Status == Ambiguous && res.Tier == TierSymbol && how == "" {
				// "MIR124-3": the symbol as written, not MIR1243, whose
				// key is the same once punctuation is dropped
				if i, ok := symbolAsWritten(name, res.Candidates); ok {
					res.Status, res.Candidates = Resolved, res.Candidates[i:i+1]
					res.Reason = "symbol, as written (other symbols differ only in punctuation)"
					return res
				}
			}
			if res.Status == Ambiguous && h.lex.pk != nil && how == "" {
				if i := h.lex.pk.exact(name); i >= 0 {
					res.Status, res.Candidates = Resolved, h.lex.nodeSlice(i)
					res.Reason = "preferred synonym, as written (a curated name whose case variants name other entities)"
					return res
				}
			}
			if res.Status == Ambiguous {
				if i, ok := r.soleMember(res.Candidates); ok {
					// "IFN-β": the IFNB family, whose one member is IFNB1
					res.Status, res.Candidates = Resolved, res.Candidates[i:i+1]
					res.Reason += ": a family of one member and that member, read as the member"
					return res
				}
			}
		}
		if res.Status == Resolved {
			res.Candidates = h.lex.nodeSlice(h.ps[0].entry) // shared: no allocation
			if res.Tier == TierSymbol && n > 1 && how == "" && h.lex.pk != nil && res.Candidates[0].Symbol != name {
				// "Rho": the symbol RHO (rhodopsin) written otherwise,
				// and a curated name as written (RHOA)
				if i := h.lex.pk.exact(name); i >= 0 && i != h.ps[0].entry {
					res.Candidates, res.Tier = h.lex.nodeSlice(i), TierPreferred
					res.Reason = "preferred synonym, as written (a curated name whose case variant is another entity's symbol)"
					return res
				}
			}
		}
		if strings.Contains(name, "/") && !r.slashName(res) {
			// "CD4/8" is CD4 and CD8, not CD48, whose names have no slash
			if l := r.resolveList(Result{Query: name, Status: Unknown}); l.Status == Resolved {
				return l
			}
		}
		if n, ok := res.Node(); ok && n.Kind == graph.Group {
			// "PKACα": the PRKAC family's name matched without its
			// letter; the letter names PRKACA
			if m, _, ok := r.greekMember(name, res, labels); ok {
				return m
			}
		}
		return res
	}
	if strings.Contains(name, "/") {
		return r.resolveList(res)
	}
	if strings.ContainsFunc(name, isDash) {
		if l := r.resolveHyphenList(res); l.Status == Resolved {
			return l
		}
	}
	if m, _, ok := r.greekMember(name, res, labels); ok {
		// "PI3Kγ": a group's member named by its letter
		return m
	}
	if alt, ok := greekInitial(name); ok {
		// "PGC-1β", "PGC-1beta": the Greek letter as the Latin initial
		// some sources write ("PGC-1b"); alt ends in no Greek letter,
		// so this recursion ends
		if g := r.resolve(alt, labels); g.Status != Unknown {
			g.Query = name
			g.Reason += fmt.Sprintf(" (read as %q: a last Greek letter as its Latin initial)", alt)
			return g
		}
	}
	if alt, ok := greekFirst(name); ok {
		// "B-catenin", "a-SMA": a first Greek letter written as its
		// Latin initial; alt starts with no Latin letter and a hyphen,
		// so this recursion ends
		if g := r.resolve(alt, labels); g.Status == Resolved {
			g.Query = name
			g.Reason += fmt.Sprintf(" (read as %q: a first Latin letter for its Greek letter)", alt)
			return g
		}
	}
	if stem, ok := pointMutant(name); ok {
		// "RasV12", "N17Rac1", "BRAF-V600E": a point mutant, read as
		// its gene; stem is shorter, so this recursion ends
		if g := r.resolve(stem, labels); mutantReading(g) {
			g.Query = name
			g.Reason += fmt.Sprintf(" (read as %q: a point mutant)", stem)
			return g
		}
	}
	if rest, form, ok := formPrefix(name); ok {
		// "sRANKL", "rhBMP-2", "tBID": a form of a protein, read as the
		// protein; rest is shorter, so this recursion ends
		if g := r.resolve(rest, labels); formReading(g) {
			g.Query = name
			g.Reason += fmt.Sprintf(" (read as %q: %s)", rest, form)
			return g
		}
	}
	if labels {
		if l, ok := r.resolveLabel(name); ok {
			// "AKT1_HUMAN", "CEBPB gene", "COX2 (PTGS2)": see labels.go
			return l
		}
	}
	res.Reason = "no entry matches"
	return res
}

// microRNAGenes returns the HGNC symbols a microRNA's name may stand for,
// in the order to try: "miR-21" MIR21; "miR-218" MIR218, then MIR218-1
// and MIR2181 (a mature microRNA of several loci); "miR-135a" MIR135A,
// MIR135A1; "miR-218-2" MIR218-2; "miR-29b-3p", "hsa-miR-21*": the arm
// and the species left out; "microRNA-21", "miRNA-21", "mir-21" alike.
// It returns nil for other names.
func microRNAGenes(name string) []string {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "hsa-"), "mmu-")
	if len(s) < 5 || s[0] != 'm' && s[0] != 'M' {
		return nil // the common case, without a copy
	}
	var rest string
	for _, p := range []string{"microrna-", "mirna-", "mir-", "microrna ", "mirna "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			rest = s[len(p):]
			break
		}
	}
	if rest == "" {
		return nil
	}
	rest = strings.TrimSuffix(rest, "*")
	if r, ok := strings.CutSuffix(rest, "-5p"); ok {
		rest = r
	} else if r, ok := strings.CutSuffix(rest, "-3p"); ok {
		rest = r
	}
	k := 0
	for k < len(rest) && isDigit(rest[k]) {
		k++
	}
	if k == 0 || k > 4 || rest[0] == '0' {
		return nil
	}
	base := "MIR" + rest[:k]
	rest = rest[k:]
	if rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
		base += strings.ToUpper(rest[:1])
		rest = rest[1:]
	}
	switch {
	case rest == "":
		return []string{base, base + "-1", base + "1"}
	case len(rest) == 2 && rest[0] == '-' && isDigit(rest[1]):
		return []string{base + rest, base + rest[1:]}
	}
	return nil
}

// microRNAGene reports whether res resolved to one microRNA gene, whose
// symbol starts with MIR.
func microRNAGene(res Result) bool {
	return res.Status == Resolved && len(res.Candidates) == 1 && strings.HasPrefix(res.Candidates[0].Symbol, "MIR")
}

// aminoAcids are the one-letter codes of the amino acids.
const aminoAcids = "ACDEFGHIKLMNPQRSTVWY"

// pointMutant returns the gene's name in the name of a point mutant: a
// residue and its position of two to four digits after the name
// ("RasV12", "Rac1N17", "KRasG12D", "BRAFV600E", "p53-R175H") or before
// it ("N17Rac1", "V12-Ras"). The name left has three letters and digits
// or more (a hyphen allowed) and starts with a letter; after a name in
// capitals that ends in a letter ("ABCD12"), only a residue, a position
// and a residue ("BRAFV600E") or a hyphen ("BRAF-V600") mark a mutant.
// A UniProt accession ("Q8NBS1") is no mutant. Resolve reads the name as
// its gene only when it matches a symbol or a preferred name.
func pointMutant(name string) (string, bool) {
	if uniProtLike(name) {
		return "", false // "Q8NBS1" is no mutant of NBS1
	}
	end := len(name)
	if end > 0 && isResidue(name[end-1]) {
		end--
	}
	k := end
	for k > 0 && isDigit(name[k-1]) {
		k--
	}
	if d := end - k; d >= 2 && d <= 4 && name[k] != '0' && k > 1 && isResidue(name[k-1]) {
		stem := name[:k-1]
		last := stem[len(stem)-1]
		if stem = strings.TrimSuffix(stem, "-"); mutantStem(stem) && (end < len(name) || last == '-' || strings.IndexFunc(stem, unicode.IsLower) >= 0 || isDigit(last)) {
			return stem, true
		}
	}
	if len(name) > 3 && isResidue(name[0]) && isDigit(name[1]) && name[1] != '0' && isDigit(name[2]) {
		k := 3
		for k < len(name) && k < 5 && isDigit(name[k]) {
			k++
		}
		if stem := strings.TrimPrefix(name[k:], "-"); mutantStem(stem) && stem[0] >= 'A' && stem[0] <= 'Z' {
			return stem, true
		}
	}
	return "", false
}

// uniProtLike reports whether s has the shape of a UniProt accession:
// six or ten capitals and digits, a letter, then a digit, and a digit
// last ("P01116", "Q8NBS1", "A0A024R161").
func uniProtLike(s string) bool {
	if len(s) != 6 && len(s) != 10 || !isDigit(s[1]) || !isDigit(s[len(s)-1]) || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

func isResidue(c byte) bool { return c >= 'A' && c <= 'Z' && strings.IndexByte(aminoAcids, c) >= 0 }

func mutantStem(s string) bool {
	return len(s) >= 3 && isASCIILetter(s[0]) && strings.IndexFunc(s, func(c rune) bool {
		return !(c < utf8.RuneSelf && (isASCIILetter(byte(c)) || isDigit(byte(c))) || c == '-')
	}) < 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// formPrefixes are the lower-case letters written before a protein's
// name for one of its forms, longest first.
var formPrefixes = []struct{ prefix, form string }{
	{"pro-", "the precursor"}, {"pro", "the precursor"},
	{"rh", "the recombinant human protein"}, {"rm", "the recombinant mouse protein"},
	{"s", "the soluble form"}, {"t", "the truncated form"}, {"h", "the human protein"},
}

// formPrefix splits a name written with a form's prefix before a
// capitalised name of three characters or more ("sRANKL", "rhBMP-2",
// "tBID", "hTERT", "pro-MMP-2") into the name and the form. "m" (membrane-bound) is
// left out: "mDia1" is DIAPH1, not the Dia1 alias of DIPK2A.
func formPrefix(name string) (string, string, bool) {
	for _, p := range formPrefixes {
		rest, ok := strings.CutPrefix(name, p.prefix)
		if ok && len(rest) >= 3 && rest[0] >= 'A' && rest[0] <= 'Z' {
			return rest, p.form, true
		}
	}
	return "", "", false
}

// mutantReading reports whether the stem of a point mutant resolved to
// what its mutant may be read as: a gene or group, matched by symbol or
// preferred name.
func mutantReading(g Result) bool {
	return g.Status == Resolved && genesOnly(g) && g.Tier <= TierPreferred
}

// formReading reports whether the rest of a name after a form's prefix
// resolved to what the form may be read as: one gene or group, matched
// by a name, not only as a plural.
func formReading(g Result) bool {
	return g.Status == Resolved && !g.List && genesOnly(g) && g.Tier <= TierSynonym && !strings.Contains(g.Reason, singularNote)
}

// formPrefixed reports whether a name starts with a form's prefix that
// [formPrefix] reads.
func formPrefixed(name string) bool {
	_, _, ok := formPrefix(name)
	return ok
}

// greekMemberLike reports whether a name ends in a Greek letter,
// written or spelled out, after a stem [Resolver.greekMember] may read.
func greekMemberLike(name string) bool {
	_, _, ok := greekSuffix(name)
	return ok
}

// sibling reports whether symbols holds stem followed by a capital
// other than initial.
func sibling(symbols map[string]bool, stem, initial string) bool {
	for c := 'A'; c <= 'Z'; c++ {
		if string(c) != initial && symbols[stem+string(c)] {
			return true
		}
	}
	return false
}

// symbolAsWritten returns the index of the one candidate whose symbol is
// name, letter case aside.
func symbolAsWritten(name string, cands []graph.Node) (int, bool) {
	found := -1
	for i, c := range cands {
		if strings.EqualFold(c.Symbol, name) {
			if found >= 0 {
				return 0, false
			}
			found = i
		}
	}
	return found, found >= 0
}

// greekLetterName is a Greek letter, its name and the Latin initial some
// sources write for it.
type greekLetterName struct {
	letter rune
	word   string
	latin  string
}

// greekInitials are the Greek letters that names end in, with the Latin
// initial some sources write for them.
var greekInitials = []greekLetterName{
	{'α', "alpha", "a"}, {'β', "beta", "b"}, {'γ', "gamma", "g"}, {'δ', "delta", "d"},
	{'ε', "epsilon", "e"}, {'ζ', "zeta", "z"}, {'η', "eta", "h"}, {'θ', "theta", "q"}, {'κ', "kappa", "k"},
}

// greekInitial returns name with its last Greek letter, written as a
// letter ("β") or spelled out after a digit, a capital, a space or a
// hyphen ("1beta", "IKK beta"), replaced by its Latin initial. What
// comes before must hold three letters or digits, so "Aβ" stays as it is.
func greekInitial(name string) (string, bool) {
	stem, g, ok := greekSuffix(name)
	if !ok {
		return "", false
	}
	return stem + g.latin, true
}

// greekFirst reads a name that opens with a Latin letter and a hyphen
// before a word ("B-catenin", "b-arrestin", "a-SMA") as opening with the
// Greek letter the Latin one stands for (α, β, γ, κ), as text that lost
// its Greek letters writes them; "D-" and "L-" (stereochemistry) and
// other letters are left alone.
func greekFirst(name string) (string, bool) {
	if len(name) < 5 || name[1] != '-' {
		return "", false
	}
	var g string
	switch name[0] | 0x20 {
	case 'a':
		g = "α"
	case 'b':
		g = "β"
	case 'g':
		g = "γ"
	case 'k':
		g = "κ"
	default:
		return "", false
	}
	rest := name[2:]
	if n := strings.IndexFunc(rest, func(c rune) bool { return !unicode.IsLetter(c) }); n == 0 || n > 0 && n < 3 || n < 0 && len(rest) < 3 {
		return "", false // "B-1", "A-kb": no word after the hyphen
	}
	return g + "-" + rest, true
}

// greekFirstLike reports whether a name may be read by [greekFirst].
func greekFirstLike(name string) bool {
	_, ok := greekFirst(name)
	return ok
}

// greekSuffix splits a name ending in a Greek letter, as [greekInitial]
// reads it, into the stem before the letter (spaces and hyphens
// trimmed) and the letter.
func greekSuffix(name string) (string, greekLetterName, bool) {
	if name == "" {
		return "", greekLetterName{}, false
	}
	if c := name[len(name)-1] | 0x20; c < 0x80 && c != 'a' && c != 'n' {
		// the common case: no Greek letter ends in an ASCII byte, and
		// every spelled one ends in "a" or "n" ("alpha", "epsilon")
		return "", greekLetterName{}, false
	}
	for _, g := range greekInitials {
		var stem string
		if s, ok := strings.CutSuffix(name, string(g.letter)); ok {
			stem = s
		} else if len(name) > len(g.word) && strings.EqualFold(name[len(name)-len(g.word):], g.word) {
			s := name[:len(name)-len(g.word)]
			if c := s[len(s)-1]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-') {
				continue
			}
			stem = s
		} else {
			continue
		}
		stem = strings.TrimRight(stem, " -")
		if len(Normalize(stem)) < 3 {
			return "", greekLetterName{}, false
		}
		return stem, g, true
	}
	return "", greekLetterName{}, false
}

// greekMember reads a group's name followed by a Greek letter as the one
// member the letter names, as HGNC spells isoforms: "PKACα" PRKACA of
// the PRKAC family, "PI3Kγ" PIK3CG. The member is a gene below the group
// whose symbol ends in the letter's Latin initial, beside another member
// that ends in another capital ("CaMKIIδ" CAMK2D beside CAMK2A; not
// ITGA2B, with no ITGA2A), or a subgroup whose symbol ends in the spelled
// letter ("HIF-α" HIF_alpha); exactly one must qualify. res is how the
// whole name resolved; it is replaced only when it is unknown or names the
// group itself. The note says what was read.
func (r *Resolver) greekMember(name string, res Result, labels bool) (Result, string, bool) {
	stem, g, ok := greekSuffix(name)
	if !ok {
		return res, "", false
	}
	sr := r.resolve(stem, labels) // stem is shorter: the recursion ends
	grp, ok := sr.Node()
	if !ok || grp.Kind != graph.Group {
		return res, "", false
	}
	if n, ok := res.Node(); res.Status != Unknown && !(ok && n.ID == grp.ID) {
		return res, "", false
	}
	initial := strings.ToUpper(g.latin)
	var found, genes []graph.Node
	seen := map[string]bool{}
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		for _, m := range r.Members(id) {
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			switch {
			case m.Kind == graph.Group && strings.HasSuffix(strings.ToLower(m.Symbol), "_"+g.word):
				found = append(found, m)
			case m.Kind == graph.Group && depth < 3:
				walk(m.ID, depth+1)
			case m.Kind == graph.Gene:
				genes = append(genes, m)
			}
		}
	}
	walk(grp.ID, 0)
	symbols := map[string]bool{}
	for _, m := range genes {
		symbols[m.Symbol] = true
	}
	for _, m := range genes {
		// the letter is one of a series: PRKACA beside PRKACB, not
		// ITGA2B (no ITGA2A)
		if stem, ok := strings.CutSuffix(m.Symbol, initial); ok && stem != "" && sibling(symbols, stem, initial) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return res, "", false
	}
	note := fmt.Sprintf("read as %s of %s: the member its last Greek letter names", found[0].Symbol, grp.Symbol)
	return Result{
		Query:      name,
		Status:     Resolved,
		Candidates: found,
		Tier:       sr.Tier,
		Reason:     sr.Reason + " (" + note + ")",
	}, note, true
}

func (r *Resolver) lookupName(name string) ([]match, string) {
	h, how := r.findName(name, nil)
	ms := make([]match, h.len())
	for i := range ms {
		ms[i] = match{h.node(i), h.tier(i), h.rank(i)}
	}
	return ms, how
}

// findName looks up the key of name, then of its singular. The key is
// built on the stack for names of up to 64 bytes; postings of a compiled
// lexicon are decoded into buf.
func (r *Resolver) findName(name string, buf []posting) (hits, string) {
	var kb [64]byte
	key := appendKey(kb[:0], name)
	if len(key) == 0 {
		return hits{}, ""
	}
	if h := r.find(key, buf); h.len() > 0 {
		return h, ""
	}
	if s := singularKey(key); s != nil {
		if h := r.find(s, buf); h.len() > 0 {
			return h, singularNote
		}
	}
	return hits{}, ""
}

// findNameBest is findName with [Resolver.findBest].
func (r *Resolver) findNameBest(name string, buf []posting) (hits, int, string) {
	var kb [64]byte
	key := appendKey(kb[:0], name)
	if len(key) == 0 {
		return hits{}, 0, ""
	}
	if h, n := r.findBest(key, buf); n > 0 {
		return h, n, ""
	}
	if s := singularKey(key); s != nil {
		if h, n := r.findBest(s, buf); n > 0 {
			return h, n, singularNote
		}
	}
	return hits{}, 0, ""
}

// decide settles matches, giving a Resolved result its own copy of the
// node.
func decide(res Result, ms []match, how string) Result {
	res = settle(res, len(ms), func(i int) (Tier, uint8, *graph.Node) { return ms[i].tier, ms[i].rank, ms[i].node }, how)
	if res.Status == Resolved {
		res.Candidates = []graph.Node{*ms[0].node}
	}
	return res
}

// settle decides among matches, strongest first: the strongest tier and
// source rank win when they hold a single entity (the caller sets the
// candidate); otherwise the result is ambiguous.
func settle(res Result, n int, at func(i int) (Tier, uint8, *graph.Node), how string) Result {
	best := 1
	t0, r0, _ := at(0)
	for best < n {
		t, r, _ := at(best)
		if t != t0 || r != r0 {
			break
		}
		best++
	}
	res.Tier = t0
	if best == 1 {
		res.Status = Resolved
		res.Reason = t0.String() + how
		if n > 1 && int(t0) < len(tierNames) {
			res.Reason = tierWeaker[0][t0]
			if how != "" {
				res.Reason = tierWeaker[1][t0]
			}
		}
		return res
	}
	res.Status = Ambiguous
	res.Candidates = make([]graph.Node, n)
	for i := range res.Candidates {
		_, _, nd := at(i)
		res.Candidates[i] = *nd
	}
	res.Reason = fmt.Sprintf("%d entities share this %s%s", best, t0, how)
	return res
}

// slashName reports whether an entity of a result has a name written
// with a slash ("ERK1/2", "SMAD2/3", "p52/RelB").
func (r *Resolver) slashName(res Result) bool {
	for _, n := range res.Candidates {
		e, ok := r.Entry(n.ID)
		if !ok {
			continue
		}
		for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Preferred, e.Synonyms, e.Previous} {
			for _, f := range list {
				if strings.Contains(f, "/") {
					return true
				}
			}
		}
	}
	return false
}

// resolveList resolves "A/B/C" and the suffix shorthand "cIAP1/2".
func (r *Resolver) resolveList(res Result) Result {
	parts := expandSlash(res.Query)
	if len(parts) < 2 {
		res.Reason = "no entry matches"
		return res
	}
	var options [][]match
	for _, p := range parts {
		ms, _ := r.lookupName(p)
		if len(ms) == 0 {
			res.Reason = fmt.Sprintf("list part %q matches no entry", p)
			return res
		}
		options = append(options, ms)
	}
	// A group whose members are exactly one candidate of each part.
	if g, ok := r.groupOf(options); ok {
		res.Status, res.Candidates, res.Tier = Resolved, []graph.Node{g}, TierSynonym
		res.Reason = "slash list of the members of a group: " + strings.Join(parts, ", ")
		return res
	}
	subs := make([]Result, len(options))
	for i, ms := range options {
		subs[i] = decide(Result{Query: parts[i]}, ms, "")
	}
	for i, ms := range options {
		sub := subs[i]
		if k, ok := r.soleMember(sub.Candidates); ok && sub.Status == Ambiguous {
			// "IFN-α/β": the part "IFN-β" names FPLX:IFNB and its only
			// member, read as the member, as Resolve reads it
			res.Candidates = append(res.Candidates, sub.Candidates[k])
			continue
		}
		if sub.Status != Resolved {
			// "Nox1/Mox1", "TRIF/TICAM1": an ambiguous part is the
			// entity another part names, when only one of its
			// candidates is
			if id, ok := namedElsewhere(subs, i, ms); ok {
				res.Candidates = append(res.Candidates, id)
				continue
			}
			res.Status, res.Candidates = Ambiguous, sub.Candidates
			res.Reason = fmt.Sprintf("list part %q is ambiguous", parts[i])
			return res
		}
		res.Candidates = append(res.Candidates, sub.Candidates[0])
	}
	for i := range res.Candidates {
		// "p62/GTF2H1": p62 is SQSTM1 first, but also an alias of the
		// GTF2H1 the other part names; the two name one gene
		for j, other := range res.Candidates {
			if j != i && other.ID != res.Candidates[i].ID && slices.ContainsFunc(options[i], func(m match) bool { return m.node.ID == other.ID }) {
				res.Candidates[i] = other
				break
			}
		}
	}
	if m, ok := r.memberOfOther(res.Candidates); ok {
		// "SAPK2/p38", "IKK/IKKβ": a gene and its family's name
		res.Status, res.Tier, res.Candidates = Resolved, TierSynonym, []graph.Node{m}
		res.Reason = "slash of a member and its group: " + strings.Join(parts, ", ")
		return res
	}
	if slices.ContainsFunc(res.Candidates[1:], func(n graph.Node) bool { return n.ID != res.Candidates[0].ID }) {
		res.Status, res.List, res.Tier = Resolved, true, TierSynonym
		res.Reason = "slash list: " + strings.Join(parts, ", ")
		return res
	}
	// "Fas/CD95", "RANKL/TRANCE": two names of one entity
	res.Status, res.Tier, res.Candidates = Resolved, TierSynonym, res.Candidates[:1]
	res.Reason = "slash of synonyms: " + strings.Join(parts, ", ")
	return res
}

// memberOfOther returns, for a list of two entities of which one is a
// group the other belongs to, three levels down at most ("SAPK2/p38":
// MAPK11 and the p38 family; "NF-κB/p65": RELA, through the NF-κB
// dimers), the member.
func (r *Resolver) memberOfOther(cands []graph.Node) (graph.Node, bool) {
	if len(cands) != 2 {
		return graph.Node{}, false
	}
	for i, g := range cands {
		m := cands[1-i]
		if g.Kind == graph.Group && m.Kind != graph.Group && r.memberOf(m.ID, g.ID) {
			return m, true
		}
	}
	return graph.Node{}, false
}

// namedElsewhere returns the one candidate of the ambiguous part i that
// a resolved part of the list names.
func namedElsewhere(subs []Result, i int, ms []match) (graph.Node, bool) {
	var found graph.Node
	n := 0
	for _, m := range ms {
		if slices.ContainsFunc(subs, func(s Result) bool {
			return s.Status == Resolved && len(s.Candidates) == 1 && s.Candidates[0].ID == m.node.ID
		}) && m.node.ID != found.ID {
			found, n = *m.node, n+1
		}
	}
	return found, n == 1
}

func (r *Resolver) groupOf(options [][]match) (graph.Node, bool) {
	seen := make(map[string]bool)
	for _, m0 := range options[0] {
		for _, l := range r.lexicons {
			for _, g := range l.GroupsOf(m0.node.ID) {
				if seen[g] {
					continue
				}
				seen[g] = true
				e, ok := r.Entry(g)
				if !ok || len(e.Node.Members) != len(options) {
					continue
				}
				if membersMatch(e.Node.Members, options) {
					return e.Node, true
				}
			}
		}
	}
	return graph.Node{}, false
}

// membersMatch reports whether each option has a candidate among the
// members.
func membersMatch(members []string, options [][]match) bool {
	for _, ms := range options {
		if !slices.ContainsFunc(ms, func(m match) bool { return slices.Contains(members, m.node.ID) }) {
			return false
		}
	}
	return true
}

// expandSlash splits "p52/RelB" into its parts and completes a later
// part that elides the first one's stem (see elided): "cIAP1/2" →
// cIAP1, cIAP2; "IL-1/6" → IL-1, IL-6; "Wnt3a/5a" → Wnt3a, Wnt5a;
// "STAT5A/B" → STAT5A, STAT5B; "GSK3α/β" → GSK3α, GSK3β.
func expandSlash(s string) []string {
	var parts []string
	for i, p := range strings.Split(s, "/") {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		if i > 0 {
			p = elided(parts[0], p)
		}
		parts = append(parts, p)
	}
	return parts
}

// elided completes a list part that writes only what differs from the
// first part: a number ("cIAP1/2"), a number and a letter ("Wnt3a/5a"),
// a Latin letter after a number ("STAT5A/B") or a Greek letter
// ("GSK3α/β"). Other parts are returned as they are.
func elided(first, p string) string {
	switch {
	case isDigits(p):
		if stem := strings.TrimRight(first, "0123456789"); stem != first && stem != "" {
			return stem + p
		}
		return p
	case len(p) >= 2 && isDigits(p[:len(p)-1]) && isASCIILetter(p[len(p)-1]):
		if k := len(first) - 1; k > 0 && isASCIILetter(first[k]) {
			if stem := strings.TrimRight(first[:k], "0123456789"); stem != first[:k] && stem != "" {
				return stem + p
			}
		}
		return p
	}
	c, n := utf8.DecodeRuneInString(p)
	if n != len(p) || !unicode.IsLetter(c) {
		return p
	}
	last, m := utf8.DecodeLastRuneInString(first)
	stem := first[:len(first)-m]
	before, _ := utf8.DecodeLastRuneInString(stem)
	switch {
	case stem == "":
	case greekLetter(c) && greekLetter(last):
		return stem + p
	case c < utf8.RuneSelf && last < utf8.RuneSelf && unicode.IsUpper(c) == unicode.IsUpper(last) && unicode.IsDigit(before):
		return stem + p
	}
	return p
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func greekLetter(c rune) bool { return c >= 'α' && c <= 'ω' || c >= 'Α' && c <= 'Ω' }

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Members returns the member entities of a group entry, in ID order,
// skipping members the resolver does not know.
func (r *Resolver) Members(id string) []graph.Node {
	e, ok := r.Entry(id)
	if !ok {
		return nil
	}
	var out []graph.Node
	for _, m := range e.Node.Members {
		if me, ok := r.Entry(m); ok {
			out = append(out, me.Node)
		}
	}
	return out
}

// soleMember returns the index of the gene among two candidates when the
// other is a group whose only member it is.
func (r *Resolver) soleMember(cands []graph.Node) (int, bool) {
	if len(cands) != 2 {
		return 0, false
	}
	for g := range 2 {
		if cands[g].Kind != graph.Group || cands[1-g].Kind != graph.Gene {
			continue
		}
		if ms := r.Members(cands[g].ID); len(ms) == 1 && ms[0].ID == cands[1-g].ID {
			return 1 - g, true
		}
	}
	return 0, false
}
