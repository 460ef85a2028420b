package resolve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// ErrHeader is returned when an HGNC table lacks a required column.
var ErrHeader = errors.New("missing column")

// LoadHGNC reads the HGNC "complete set" TSV as downloaded from
// genenames.org (hgnc_complete_set.txt) and returns a lexicon of its genes:
// approved symbol and name; alias symbols and alias names as synonyms;
// previous symbols and names as previous (so a previous symbol resolves to
// the current gene); Entrez, Ensembl and UniProt ids as xrefs. Columns are
// found by their header names, so column order does not matter. Errors are
// [*source.ParseError]s naming file.
func LoadHGNC(r io.Reader, file string) (*Lexicon, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	header, err := br.ReadString('\n')
	if err != nil && header == "" {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: empty table", ErrHeader)}
	}
	cols := strings.Split(strings.TrimRight(strings.TrimPrefix(header, "\uFEFF"), "\r\n"), "\t")
	idx := make(map[string]int, len(cols))
	for i, c := range cols {
		idx[c] = i
	}
	need := []string{"hgnc_id", "symbol", "name"}
	for _, c := range need {
		if _, ok := idx[c]; !ok {
			return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: %s", ErrHeader, c)}
		}
	}
	get := func(f []string, name string) string {
		i, ok := idx[name]
		if !ok || i >= len(f) {
			return ""
		}
		return strings.Trim(f[i], `"`)
	}
	list := func(f []string, name string) []string {
		v := get(f, name)
		if v == "" {
			return nil
		}
		return strings.Split(v, "|")
	}
	var entries []Entry
	var errs []error
	f := make([]string, 0, len(cols))
	for line := 2; ; line++ {
		text, err := br.ReadString('\n')
		if text == "" && err != nil {
			if err != io.EOF {
				errs = append(errs, &source.ParseError{File: file, Line: line, Column: 1, Err: err})
			}
			break
		}
		text = strings.TrimRight(text, "\r\n")
		if text == "" {
			continue
		}
		f = splitTabs(f[:0], text)
		id, sym := get(f, "hgnc_id"), get(f, "symbol")
		if !graph.ValidID(id) || sym == "" {
			errs = append(errs, &source.ParseError{File: file, Line: line, Column: 1, Err: fmt.Errorf("%w: hgnc_id or symbol", ErrEmptyField)})
			if len(errs) > 20 {
				break
			}
			continue
		}
		e := Entry{Node: graph.Node{ID: id, Kind: graph.Gene, Symbol: sym, Name: get(f, "name")}}
		e.Synonyms = append(list(f, "alias_symbol"), list(f, "alias_name")...)
		e.Previous = append(list(f, "prev_symbol"), list(f, "prev_name")...)
		if v := get(f, "entrez_id"); v != "" {
			e.Node.Xrefs = append(e.Node.Xrefs, "NCBIGene:"+v)
		}
		if v := get(f, "ensembl_gene_id"); v != "" {
			e.Node.Xrefs = append(e.Node.Xrefs, "ENSEMBL:"+v)
		}
		for _, u := range list(f, "uniprot_ids") {
			e.Node.Xrefs = append(e.Node.Xrefs, "UniProt:"+u)
		}
		entries = append(entries, e)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewLexicon(entries)
}

func splitTabs(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}
