package bonemet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bonemet/bonemet/ingest/causal"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// Import reads a curated pathway source for merging with document
// knowledge: a WikiPathways GPML file (.gpml) or a signed causal table
// (OmniPath- or SIGNOR-style TSV, any other name). Its statements are
// resolved later, with the rest, by [Load]. Problems that do not stop the
// import (unplaced GPML interactions, complex rows of a causal table) are
// returned as warnings, each with its position.
func Import(path string, r *resolve.Resolver) (source.Corpus, []error, error) {
	if r == nil {
		r = resolve.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return source.Corpus{}, nil, err
	}
	defer f.Close()
	var warnings []error
	if strings.EqualFold(filepath.Ext(path), ".gpml") {
		pw, err := gpml.Read(f, path, source.Limits{})
		if err != nil {
			return source.Corpus{}, nil, err
		}
		c, problems := pw.Corpus(r)
		for _, p := range pw.Problems {
			warnings = append(warnings, p)
		}
		for _, p := range problems {
			warnings = append(warnings, p)
		}
		return c, warnings, nil
	}
	stmts, err := causal.Read(f, path, source.Limits{})
	if err != nil && len(stmts) == 0 {
		return source.Corpus{}, nil, err
	}
	if err != nil {
		// Rows the table could not turn into statements (complexes,
		// unsigned rows) are reported, the rest imported.
		warnings = append(warnings, unjoin(err)...)
	}
	return source.Corpus{Statements: stmts}, warnings, nil
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// merge appends the parts of b to a.
func merge(a *source.Corpus, b source.Corpus) {
	a.Documents = append(a.Documents, b.Documents...)
	a.Statements = append(a.Statements, b.Statements...)
	a.Nodes = append(a.Nodes, b.Nodes...)
}

// ErrImport wraps failures to read an import.
var ErrImport = errors.New("import")

func importAll(paths []string, r *resolve.Resolver) (source.Corpus, []error, error) {
	var all source.Corpus
	var warnings []error
	for _, p := range paths {
		c, w, err := Import(p, r)
		if err != nil {
			return source.Corpus{}, nil, fmt.Errorf("%w %s: %w", ErrImport, p, err)
		}
		merge(&all, c)
		warnings = append(warnings, w...)
	}
	return all, warnings, nil
}
