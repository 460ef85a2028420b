// Package pathbuild compiles the pathway gene sets of bonemet's default
// resolver (resolve/lexicon/pathways.tsv) from the WikiPathways GPML
// files of the shared folder: for each human pathway, the HGNC genes its
// gene, protein and RNA data nodes name. The mention finder uses them to
// judge whether a short alias fits the other genes of its text (see
// resolve.Resolver.Mentions).
package pathbuild

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// Size bounds of the pathways kept: smaller ones say little, larger ones
// (whole metabolic maps, "cytokine-cytokine receptor interaction") join
// genes that have little to do with each other.
const (
	MinGenes = 3
	MaxGenes = 300
)

// Header is the comment block that opens the generated file.
const Header = `# Pathway gene sets: for each WikiPathways human pathway of 3 to 300 genes, the
# HGNC genes its GeneProduct, Protein and Rna data nodes name (by their Ensembl,
# Entrez Gene or HGNC cross-reference, and by their label when it resolves to
# another gene). Made by go generate ./resolve (resolve/internal/pathgen) from
# shared/reference/wikipathways/gpml (CC0 1.0). Columns: pathway id, the HGNC
# numbers of its genes, comma-separated, ascending.
`

type dataNode struct {
	Label string `xml:"TextLabel,attr"`
	Type  string `xml:"Type,attr"`
	Xref  struct {
		DB string `xml:"Database,attr"`
		ID string `xml:"ID,attr"`
	} `xml:"Xref"`
}

// Build reads every *.gpml file of dir (in name order) and returns the
// generated file: Header, then one line per pathway kept, in file order.
// r grounds the data nodes.
func Build(dir string, r *resolve.Resolver) ([]byte, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.gpml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("pathbuild: no GPML files in %s", dir)
	}
	slices.Sort(files)
	var out bytes.Buffer
	out.WriteString(Header)
	for _, f := range files {
		id, genes, err := readPathway(f, r)
		if err != nil {
			return nil, err
		}
		if len(genes) < MinGenes || len(genes) > MaxGenes {
			continue
		}
		out.WriteString(id)
		out.WriteByte('\t')
		for i, g := range genes {
			if i > 0 {
				out.WriteByte(',')
			}
			out.WriteString(strconv.Itoa(g))
		}
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// readPathway returns a pathway's id (the file's base name) and the
// HGNC numbers of its genes, ascending.
func readPathway(file string, r *resolve.Resolver) (string, []int, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", nil, err
	}
	id := strings.TrimSuffix(filepath.Base(file), ".gpml")
	seen := map[int]bool{}
	add := func(res resolve.Result) {
		n, ok := res.Node()
		if !ok || n.Kind != graph.Gene {
			return
		}
		num, ok := strings.CutPrefix(n.ID, "HGNC:")
		if !ok {
			return
		}
		if v, err := strconv.Atoi(num); err == nil {
			seen[v] = true
		}
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, col := d.InputPos()
			return "", nil, fmt.Errorf("%s:%d:%d: %w", file, line, col, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "DataNode" {
			continue
		}
		var dn dataNode
		if err := d.DecodeElement(&dn, &se); err != nil {
			line, col := d.InputPos()
			return "", nil, fmt.Errorf("%s:%d:%d: %w", file, line, col, err)
		}
		switch dn.Type {
		case "GeneProduct", "Protein", "Rna":
		default:
			continue
		}
		x := strings.TrimSpace(dn.Xref.ID)
		switch strings.ToLower(dn.Xref.DB) {
		case "ensembl":
			add(r.Resolve("ENSEMBL:" + x))
		case "entrez gene", "ncbi gene":
			add(r.Resolve("NCBIGene:" + x))
		case "hgnc": // "HGNC:1234" or a symbol
			add(r.Resolve(x))
		}
		if l := strings.Join(strings.Fields(dn.Label), " "); l != "" {
			add(r.Resolve(l))
		}
	}
	genes := make([]int, 0, len(seen))
	for g := range seen {
		genes = append(genes, g)
	}
	slices.Sort(genes)
	return id, genes, nil
}
