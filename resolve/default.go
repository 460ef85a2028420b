package resolve

import (
	"embed"
	"fmt"
	"sync"
)

//go:generate go run ./internal/lexgen -hgnc ../../shared/reference/hgnc/hgnc_complete_set.txt -list lexicon/genes.list -o lexicon/genes.tsv

//go:embed lexicon/genes.tsv lexicon/domain.tsv
var lexiconFS embed.FS

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	var parts []*Lexicon
	for _, name := range []string{"lexicon/genes.tsv", "lexicon/domain.tsv"} {
		f, err := lexiconFS.Open(name)
		if err != nil {
			return nil, err
		}
		l, err := ParseLexicon(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
		parts = append(parts, l)
	}
	return Merge(parts...)
})

// DefaultLexicon returns the embedded domain lexicon: the genes of bone
// metastasis signalling with their HGNC ids, symbols, names, aliases and
// previous symbols; the domain's cells (Cell Ontology), drugs (DrugBank,
// with ChEBI and MeSH xrefs), drug classes, gene families and complexes,
// and processes. It is parsed once and shared.
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
