package resolve

import (
	"fmt"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// curiePrefixes spells the prefixes of CURIEs as the lexicons do, by
// their lower-case form.
var curiePrefixes = map[string]string{
	"hgnc": "HGNC", "fplx": "FPLX", "chebi": "CHEBI", "cl": "CL", "mesh": "MESH",
	"drugbank": "DRUGBANK", "bonemet": "BONEMET", "ncbigene": "NCBIGene", "entrez": "NCBIGene",
	"uniprot": "UniProt", "up": "UniProt", "bel": "BEL", "chembl": "CHEMBL", "ensembl": "ENSEMBL",
}

// canonicalCURIE returns the CURIE with its prefix spelled as the
// lexicons spell it ("hgnc:5" → "HGNC:5", "EGID:7157" unchanged).
func canonicalCURIE(s string) string {
	prefix, local, _ := strings.Cut(s, ":")
	if c, ok := curiePrefixes[strings.ToLower(prefix)]; ok && c != prefix {
		return c + ":" + local
	}
	return s
}

// resolveCURIE resolves a name that is the ID of an entry, or a
// cross-reference that entries carry.
func (r *Resolver) resolveCURIE(res Result) (Result, bool) {
	id := canonicalCURIE(res.Query)
	for _, l := range r.lexicons {
		if i := l.indexOf(id); i >= 0 {
			res.Status, res.Candidates, res.Tier, res.Reason = Resolved, l.nodeSlice(i), TierID, "identifier"
			return res, true
		}
	}
	var found []graph.Node
	for _, l := range r.lexicons {
		for _, i := range l.withXref(id) {
			n := l.node(i)
			if _, ok := r.Entry(n.ID); ok && !containsID(found, n.ID) {
				e, _ := r.Entry(n.ID)
				found = append(found, e.Node)
			}
		}
	}
	switch len(found) {
	case 0:
		return res, false
	case 1:
		res.Status, res.Candidates, res.Tier = Resolved, found, TierID
		res.Reason = fmt.Sprintf("cross-reference %s of %s", id, found[0].ID)
	default:
		res.Status, res.Candidates, res.Tier = Ambiguous, found, TierID
		res.Reason = fmt.Sprintf("%d entities carry the cross-reference %s", len(found), id)
	}
	return res, true
}

func containsID(ns []graph.Node, id string) bool {
	for _, n := range ns {
		if n.ID == id {
			return true
		}
	}
	return false
}

// resolveBELName resolves a BEL family or complex name that no entry
// carries as a cross-reference ("BEL:Anaphase Promoting Complex", "BEL:PP2A
// Complex") by its name, then by its name without a last word "Family" or
// "Complex"; the reason says which name was read.
func (r *Resolver) resolveBELName(res Result, name string) Result {
	names := []string{strings.TrimSpace(name)}
	for _, suffix := range []string{" Family", " Complex"} {
		if n := len(names[0]) - len(suffix); n > 0 && strings.EqualFold(names[0][n:], suffix) {
			names = append(names, strings.TrimSpace(names[0][:n]))
		}
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		if x := r.Resolve(n); x.Status != Unknown {
			x.Query = res.Query
			x.Reason = fmt.Sprintf("BEL name read as %q: %s", n, x.Reason)
			return x
		}
	}
	res.Reason = "no cross-reference or entry matches the BEL name"
	return res
}
