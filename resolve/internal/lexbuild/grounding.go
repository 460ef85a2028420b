package lexbuild

import (
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// readGrounding reads FamPlex's grounding map: each string people write,
// with the entity INDRA's curators chose for it, becomes a preferred name
// of that entity (a curated name outranks an alias of another entity).
// A row is grounded by its first identifier that names an entry: a
// FamPlex entity, an HGNC symbol, a UniProt accession of a human gene, a
// ChEBI id (a ChEBI entity the name map lacks is added) or a MeSH id;
// rows naming only other namespaces (GO, PubChem alone, ...) are skipped.
func (b *builder) readGrounding() error {
	byXref := make(map[string]string)
	for _, it := range b.items {
		for _, x := range it.e.Node.Xrefs {
			if strings.HasPrefix(x, "MESH:") {
				if _, ok := byXref[x]; !ok {
					byXref[x] = it.e.Node.ID
				}
			}
		}
	}
	return eachCSV(b.path("grounding"), func(r []string) {
		if len(r) < 3 || strings.TrimSpace(r[0]) == "" {
			return
		}
		text := strings.TrimSpace(r[0])
		target := b.ground(r, byXref)
		if target == "" {
			b.stats.GroundingSkipped++
			return
		}
		it := b.byID[target]
		if it == nil {
			it = b.add(resolve.Entry{Node: graph.Node{ID: target, Kind: graph.Chemical, Name: text}}, RankChEBI)
			b.stats.ChEBI++
		}
		it.curated = union(it.curated, []string{text})
		if n := &it.e.Node; n.Kind == graph.Group && n.Name == strings.ReplaceAll(n.Symbol, "_", " ") && strings.Contains(n.Symbol, "_") {
			n.Name = text // "SMAD2/3" rather than "SMAD2 3"
		}
		b.stats.Grounding++
	})
}

// ground returns the ID of the entry a grounding-map row names, or "".
func (b *builder) ground(r []string, byXref map[string]string) string {
	for i := 1; i+1 < len(r); i += 2 {
		ns, id := strings.TrimSpace(r[i]), strings.TrimSpace(r[i+1])
		switch ns {
		case "FPLX":
			if b.byID["FPLX:"+id] != nil {
				return "FPLX:" + id
			}
		case "HGNC":
			if g, ok := b.gene(id); ok {
				return g
			}
		case "UP":
			if g, ok := b.byUniProt[id]; ok {
				return g
			}
		case "CHEBI":
			if strings.HasPrefix(id, "CHEBI:") {
				return id
			}
		case "MESH":
			if b.byID["MESH:"+id] != nil {
				return "MESH:" + id
			}
			if t, ok := byXref["MESH:"+id]; ok {
				return t
			}
		}
	}
	return ""
}
