package resolve

import (
	"fmt"
	"strings"
)

// The written forms of pathway-figure and database labels that name an
// entity through something around its name: a UniProt entry name
// ("AKT1_HUMAN"), a bare Ensembl gene id or UniProt accession, a word
// saying what kind of thing the name is ("CEBPB gene", "Protein AATF"), an
// enzyme's EC number after its name, or a bracketed second name or note
// ("COX2 (PTGS2)", "GLS (kidney)", "IRF8 [P]"), and UniProt's
// recommended names where HGNC words them otherwise ("C-C motif chemokine
// 2", "Protein kinase C alpha type", "60S ribosomal protein L23").
// [Resolver.Resolve] reads them when the label as written names nothing.
// A precursor ("Pro-CASP8") or a soluble form ("Soluble RANK ligand") is
// not read as its protein: a pathway's "Pro-CASP8 → CASP8" or "RANK
// ligand → Soluble RANK ligand" would become a loop.

// labelForm is one reading of a label: the names to try, and what the
// reading is called in a reason.
type labelForm struct {
	names []string
	note  string
	genes bool // the reading must name a gene or a group of genes
}

// labelForms returns the readings of name, in the order to try; nil for
// most names.
func labelForms(name string) []labelForm {
	var out []labelForm
	if i := strings.LastIndexByte(name, '_'); i > 0 {
		// "AKT1_HUMAN": UniProt's entry name, the gene's symbol and the
		// species
		switch name[i+1:] {
		case "HUMAN", "MOUSE", "RAT":
			out = append(out, labelForm{[]string{name[:i]}, "a UniProt entry name", false})
		}
	}
	if ensemblGeneID(name) {
		out = append(out, labelForm{[]string{"ENSEMBL:" + name}, "an Ensembl gene id", false})
	}
	if uniProtLike(name) {
		out = append(out, labelForm{[]string{"UniProt:" + name}, "a UniProt accession", false})
	}
	for _, p := range []string{"Protein ", "protein "} {
		if s, ok := strings.CutPrefix(name, p); ok && len(s) >= 2 {
			out = append(out, labelForm{[]string{s}, "the name after " + strings.TrimSpace(p), true}) // "Protein AATF"
		}
	}
	for _, w := range []string{" gene", " protein", " mRNA"} {
		if s, ok := strings.CutSuffix(name, w); ok && len(s) >= 2 {
			out = append(out, labelForm{[]string{s}, "the name before" + w, false})
		}
	}
	if i := strings.LastIndex(name, " EC "); i > 0 && ecNumber(name[i+4:]) {
		out = append(out, labelForm{[]string{strings.TrimSpace(name[:i])}, "the name before its EC number", false})
	}
	for _, p := range []string{"C-C", "C-X-C", "C-X3-C", "X-C"} {
		// UniProt's "C-C motif chemokine 2", "C-C motif chemokine 3-like
		// 1": HGNC's "C-C motif chemokine ligand 2", "... ligand 3 like 1"
		if rest, ok := strings.CutPrefix(name, p+" motif chemokine "); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			out = append(out, labelForm{[]string{p + " motif chemokine ligand " + strings.ReplaceAll(rest, "-like", " like")}, "UniProt's name of a chemokine", true})
		}
	}
	if s, ok := strings.CutSuffix(name, " type"); ok && greekWord(s[strings.LastIndexByte(s, ' ')+1:]) {
		out = append(out, labelForm{[]string{s}, "UniProt's name of an isoform type", true}) // "Protein kinase C alpha type"
	}
	for _, p := range []string{"40S ", "60S "} { // cytosolic: "28S"/"39S" name mitochondrial ones (MRPS, MRPL)
		if s, ok := strings.CutPrefix(name, p); ok && strings.HasPrefix(s, "ribosomal protein ") {
			out = append(out, labelForm{[]string{s}, "the ribosomal protein without its subunit", true}) // "60S ribosomal protein L23"
		}
	}
	if outer, inner, ok := bracketed(name); ok {
		out = append(out, labelForm{[]string{outer, inner}, "a name and a bracketed name or note", false})
	}
	return out
}

// greekWord reports whether w is the name of a Greek letter, as UniProt
// writes it in "Protein kinase C alpha type".
func greekWord(w string) bool {
	switch strings.ToLower(w) {
	case "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu":
		return true
	}
	return false
}

// ensemblGeneID reports whether s is a bare Ensembl human gene id
// ("ENSG00000141510").
func ensemblGeneID(s string) bool {
	if len(s) != 15 || !strings.HasPrefix(s, "ENSG") {
		return false
	}
	return isDigits(s[4:])
}

// ecNumber reports whether s is an EC number: four parts of digits or
// "-", separated by dots ("2.7.1.67", "2.7.8.-").
func ecNumber(s string) bool {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p != "-" && !isDigits(p) {
			return false
		}
	}
	return true
}

// bracketed splits "X (Y)" or "X [Y]", with Y the last bracketed part and
// at the end, into X and Y; both must be non-empty.
func bracketed(name string) (string, string, bool) {
	var open byte
	switch {
	case strings.HasSuffix(name, ")"):
		open = '('
	case strings.HasSuffix(name, "]"):
		open = '['
	default:
		return "", "", false
	}
	i := strings.LastIndexByte(name, open)
	if i <= 0 || strings.IndexByte(name[i+1:len(name)-1], open) >= 0 {
		return "", "", false
	}
	outer := strings.TrimSpace(name[:i])
	inner := strings.TrimSpace(name[i+1 : len(name)-1])
	if outer == "" || inner == "" || strings.ContainsAny(outer, "()[]") {
		return "", "", false
	}
	return outer, inner, true
}

// inText resolves a name found in running text: as [Resolver.Resolve],
// without the label forms, which are a figure's or a database's ways of
// writing a name, not prose's (the mention finder tries many spans of
// every sentence).
func (r *Resolver) inText(name string) Result { return r.resolve(name, false) }

// resolveLabel reads a label in the forms of [labelForms], each without
// further label forms (see [Resolver.resolve]). For "X (Y)", X and Y must
// agree when both resolve, unless one of them is a symbol and the other
// not ("COX2 (PTGS2)": PTGS2); an X that names nothing may hold three
// words at most (a note, not a label, holds more).
func (r *Resolver) resolveLabel(name string) (Result, bool) {
	for _, f := range labelForms(name) {
		var got []Result
		for i, n := range f.names {
			if res := r.resolve(n, false); res.Status == Resolved && !res.List && (!f.genes || genesOnly(res)) {
				got = append(got, res)
			} else if i == 0 && strings.Count(n, " ") > 2 {
				// "Unknown role, hypothesized interaction with PEDF
				// (SERPINH1)": a note around a name, no label of it
				got = nil
				break
			}
		}
		var res Result
		switch {
		case len(got) == 0:
			continue
		case len(got) == 1:
			res = got[0]
		case got[0].Candidates[0].ID == got[1].Candidates[0].ID:
			res = got[0]
		case got[1].Tier == TierSymbol && got[0].Tier != TierSymbol:
			res = got[1]
		case got[0].Tier == TierSymbol && got[1].Tier != TierSymbol:
			res = got[0]
		default:
			continue // "X (Y)" naming two entities: neither
		}
		q := res.Query
		res.Query = name
		res.Reason += fmt.Sprintf(" (read as %q: %s)", q, f.note)
		return res, true
	}
	return Result{}, false
}
