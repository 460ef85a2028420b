package resolve

import (
	"embed"
	"fmt"
	"slices"
	"sync"

	"github.com/bonemet/bonemet/graph"
)

//go:generate go run ./internal/lexgen -shared ../../shared -o lexicon/names.idx

//go:embed lexicon/domain.tsv
var lexiconFS embed.FS

// namesIndex is the compiled index of the generated sources (see
// lexicon/SOURCES.md); it is read in place.
//
//go:embed lexicon/names.idx
var namesIndex string

var defaultLexicon = sync.OnceValues(buildDefault)

// buildDefault opens the compiled index and stacks the domain lexicon on
// it.
func buildDefault() (*Lexicon, error) {
	pk, err := openPacked(namesIndex)
	if err != nil {
		return nil, fmt.Errorf("lexicon/names.idx: %w", err)
	}
	f, err := lexiconFS.Open("lexicon/domain.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	domain, err := ParseLexicon(f, "lexicon/domain.tsv")
	if err != nil {
		return nil, err
	}
	domain, err = overlay(domain, pk)
	if err != nil {
		return nil, err
	}
	return stack(domain, &Lexicon{pk: pk}), nil
}

// overlay completes the entries of the domain lexicon that add names to
// an entry of the compiled index with that entry's names, members and
// cross-references, and makes the index answer with the completed entry
// too. The domain's kind, symbol and name win: it is reviewed by hand
// (a ChEBI chemical the domain calls a drug is a drug). The domain
// lexicon still finds an entry only by the domain's own names, so that
// it hides no stronger match of the index (an alias of IL6 copied into
// the domain would hide the symbol HGF).
func overlay(domain *Lexicon, pk *packed) (*Lexicon, error) {
	for k, e := range domain.entries {
		i := pk.index(e.Node.ID)
		if i < 0 {
			continue
		}
		m := mergeInto(pk.get(i).entry, e)
		domain.entries[k] = m
		domain.nodes[k] = m.Node
		pk.set(i, m)
	}
	return domain, nil
}

// mergeInto returns base with the names, members and cross-references of
// over added; over's kind, group type, symbol and name win when set.
func mergeInto(base, over Entry) Entry {
	out := base
	out.Synonyms = slices.Clone(base.Synonyms)
	out.Previous = slices.Clone(base.Previous)
	out.Preferred = slices.Clone(base.Preferred)
	out.Node.Xrefs = slices.Clone(base.Node.Xrefs)
	out.Node.Members = slices.Clone(base.Node.Members)
	if over.Node.Kind != graph.KindInvalid {
		out.Node.Kind, out.Node.Group = over.Node.Kind, over.Node.Group
	}
	if s := over.Node.Symbol; s != "" && s != out.Node.Symbol {
		if out.Node.Symbol != "" {
			out.Synonyms = union(out.Synonyms, []string{out.Node.Symbol})
		}
		out.Node.Symbol = s
	}
	if s := over.Node.Name; s != "" && s != out.Node.Name {
		if out.Node.Name != "" {
			out.Synonyms = union(out.Synonyms, []string{out.Node.Name})
		}
		out.Node.Name = s
	}
	out.Synonyms = union(out.Synonyms, over.Synonyms)
	out.Previous = union(out.Previous, over.Previous)
	out.Preferred = union(out.Preferred, over.Preferred)
	out.Node.Xrefs = union(out.Node.Xrefs, over.Node.Xrefs)
	out.Node.Members = union(out.Node.Members, over.Node.Members)
	slices.Sort(out.Node.Members)
	return out
}

// DefaultLexicon returns the embedded lexicon: the hand-reviewed domain
// lexicon (lexicon/domain.tsv: the field's names for genes, cells,
// drugs, drug classes, processes and the groups FamPlex does not name)
// stacked on the compiled index of every approved HGNC gene, every
// FamPlex family and complex, the Cell Ontology, ChEBI's names and MeSH's
// chemicals (lexicon/names.idx, made by go generate; see
// lexicon/SOURCES.md). The index is read in place: the lexicon is ready
// at once, and an entry is decoded when first needed. It is made once and
// shared.
func DefaultLexicon() *Lexicon {
	l, err := defaultLexicon()
	if err != nil {
		// The embedded data is tested; reaching this is a build defect.
		panic(fmt.Sprintf("resolve: embedded lexicon: %v", err))
	}
	return l
}

// Default returns a resolver over [DefaultLexicon].
func Default() *Resolver { return New(DefaultLexicon()) }
