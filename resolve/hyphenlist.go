package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
)

// maxHyphenParts bounds the names of a hyphen list ("RAS-RAF-MEK-ERK"),
// maxHyphens the hyphens of a name tried as one ("IL-1β-TAK1-NF-κB") and
// maxHyphenList its bytes.
const (
	maxHyphenParts = 4
	maxHyphens     = 8
	maxHyphenList  = 80
)

// resolveHyphenList resolves names joined by hyphens that name no entry
// as a whole, as papers write a pathway or an axis ("the PI3K-AKT
// pathway", "JAK-STAT signalling", "the RANKL-RANK axis"): a list of the
// entities, as a slash list is. Every part must name a gene, a group or a
// chemical on its own and be written as a name (a capital or a digit:
// "dose-dependent" is no list); parts of which one is a member of another
// ("ERK-MAPK") make no list, nor does a protein before a chemical
// ("Rheb-GTP": the protein bound to it).
func (r *Resolver) resolveHyphenList(res Result) Result {
	if len(res.Query) > maxHyphenList || strings.Count(res.Query, "-")+strings.Count(res.Query, "\u2010")+strings.Count(res.Query, "\u2011") > maxHyphens {
		return res // "0----...----0": the splits to try grow as the hyphens' cube
	}
	parts, ok := r.hyphenParts(res.Query, maxHyphenParts)
	if !ok {
		return res
	}
	if last := parts[len(parts)-1].Candidates[0]; last.Kind == graph.Chemical && parts[0].Candidates[0].Kind != graph.Chemical {
		// "Rheb-GTP", "Gαs-GDP": a protein bound to a chemical, one form
		return Result{Query: res.Query, Status: Unknown, Reason: "no entry matches"}
	}
	var names []string
	for _, p := range parts {
		names = append(names, p.Query)
	}
	if len(parts) == 2 {
		if m, ok := r.memberOfOther([]graph.Node{parts[0].Candidates[0], parts[1].Candidates[0]}); ok {
			// "NFKB-p65": a family and its member, the member
			res.Status, res.Tier, res.Candidates = Resolved, TierSynonym, []graph.Node{m}
			res.Reason = "hyphen of a member and its group: " + strings.Join(names, ", ")
			return res
		}
	}
	for _, p := range parts {
		for _, n := range p.Candidates {
			for _, m := range res.Candidates {
				if n.ID == m.ID || r.memberOf(n.ID, m.ID) || r.memberOf(m.ID, n.ID) {
					return Result{Query: res.Query, Status: Unknown, Reason: "no entry matches"}
				}
			}
			res.Candidates = append(res.Candidates, n)
		}
	}
	res.Status, res.List, res.Tier = Resolved, true, TierSynonym
	res.Reason = "hyphen list: " + strings.Join(names, ", ")
	return res
}

// hyphenParts splits s at hyphens into at most n parts that each resolve
// as hyphenList wants, trying the rightmost hyphen first: "IL-6-STAT3" is
// IL-6 and STAT3.
func (r *Resolver) hyphenParts(s string, n int) ([]Result, bool) {
	if n < 2 {
		return nil, false
	}
	for i := len(s) - 1; i > 0; i-- {
		c, size := utf8.DecodeLastRuneInString(s[:i+1])
		if !isDash(c) {
			continue
		}
		i -= size - 1
		if i <= 0 {
			break // a dash first: "‐0000"
		}
		left, right := s[:i], s[i+size:]
		first, _ := utf8.DecodeRuneInString(right)
		last, _ := utf8.DecodeLastRuneInString(left)
		if !nameLike(right) || isDash(first) || isDash(last) {
			continue // an empty part: "A--B", "0‐‐0000"
		}
		rr := r.Resolve(right)
		if !hyphenPart(rr) {
			continue
		}
		if lr := r.Resolve(left); nameLike(left) && hyphenPart(lr) && !lr.List {
			return []Result{lr, rr}, true
		}
		if rest, ok := r.hyphenParts(left, n-1); ok {
			return append(rest, rr), true
		}
	}
	return nil, false
}

// hyphenPart reports whether a part of a hyphen list names one gene,
// group or chemical.
func hyphenPart(res Result) bool {
	if res.Status != Resolved || res.List || len(res.Candidates) != 1 {
		return false
	}
	switch res.Candidates[0].Kind {
	case graph.Gene, graph.Group, graph.Chemical:
		return true
	}
	return false
}

// nameLike reports whether s is written as a name: two characters or
// more, with a capital, a digit or a Greek letter ("β-catenin").
func nameLike(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	return strings.ContainsFunc(s, func(c rune) bool {
		return unicode.IsUpper(c) || unicode.IsDigit(c) || unicode.Is(unicode.Greek, c)
	})
}

// memberOf reports whether a is a member of the group g, or of a group
// among g's members, three levels down at most ("RELA" of the NF-κB
// family, through its dimers).
func (r *Resolver) memberOf(a, g string) bool {
	return r.memberWithin(a, g, 3)
}

func (r *Resolver) memberWithin(a, g string, depth int) bool {
	if depth == 0 {
		return false
	}
	for _, m := range r.Members(g) {
		if m.ID == a || m.Kind == graph.Group && r.memberWithin(a, m.ID, depth-1) {
			return true
		}
	}
	return false
}
