package bonemet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/ingest/causal"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// ErrNotCausal wraps the warnings of [Import] about BEL statements that
// state no signed cause (correlations, nested statements, ...).
var ErrNotCausal = errors.New("not causal")

// Import reads a curated pathway source for merging with document
// knowledge: a WikiPathways GPML file (.gpml), a BEL script (.bel, as
// PyBEL and the OpenBEL tools write them; its increases and decreases
// become signed statements with the evidence text as quote), or a signed
// causal table (OmniPath- or SIGNOR-style TSV, any other name). Its
// statements are resolved later, with the rest, by [Load]. Problems that do
// not stop the import (unplaced GPML interactions, complex rows of a
// causal table, BEL statements that are not causal or cannot be read) are
// returned as warnings, each with its position: nothing is dropped
// silently.
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
	if strings.EqualFold(filepath.Ext(path), ".bel") {
		sc, err := bel.Read(f, path, source.Limits{})
		if err != nil && len(sc.Statements) == 0 {
			return source.Corpus{}, nil, err
		}
		for _, k := range sc.NotCausal {
			if k.Err == nil { // statements that failed to read come with err
				warnings = append(warnings, source.ErrorAt(k.Pos, fmt.Errorf("%w: %s: %s", ErrNotCausal, k.Reason, k.Text)))
			}
		}
		if err != nil {
			warnings = append(warnings, unjoin(err)...)
		}
		return source.Corpus{Documents: sc.Documents, Statements: sc.Statements}, warnings, nil
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
