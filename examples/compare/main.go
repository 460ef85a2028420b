// Command compare holds bonemet's document-derived knowledge against a
// curated pathway: which of the pathway's edges the documents support, which
// they contradict, which they lack, and which document edges the pathway
// lacks.
//
//	go run ./examples/compare                         # WP12, osteoclast signaling
//	go run ./examples/compare -gpml path/to/WP2018.gpml -hgnc hgnc_complete_set.txt
//
// The pathway's names are resolved with the default lexicon, and with the
// full HGNC table when -hgnc is given (WikiPathways names many genes the
// domain lexicon does not hold).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph/compare"
	"github.com/bonemet/bonemet/resolve"
)

func main() {
	gpml := flag.String("gpml", filepath.Join("..", "shared", "reference", "wikipathways", "gpml", "WP12.gpml"), "the pathway, a WikiPathways GPML `file`")
	hgnc := flag.String("hgnc", "", "resolve names also with the HGNC complete set `file`")
	docs := flag.String("docs", "", "compare a `folder` of documents and curation files instead of the embedded knowledge")
	flag.Parse()
	if err := run(*gpml, *hgnc, *docs); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(gpml, hgnc, docs string) error {
	r := resolve.Default()
	if hgnc != "" {
		f, err := os.Open(hgnc)
		if err != nil {
			return err
		}
		h, err := resolve.LoadHGNC(f, hgnc)
		f.Close()
		if err != nil {
			return err
		}
		r = resolve.New(resolve.DefaultLexicon(), h)
	}
	k := bonemet.Default()
	if docs != "" || hgnc != "" {
		var err error
		if k, err = bonemet.LoadDir(docs, bonemet.Options{Resolver: r, Fresh: true}); err != nil {
			return err
		}
	}
	dg, err := k.DocumentGraph()
	if err != nil {
		return err
	}
	pc, warnings, err := bonemet.Import(gpml, r)
	if err != nil {
		return fmt.Errorf("%w (is the shared reference data beside the checkout? give -gpml FILE)", err)
	}
	pw, rep, err := build.Build(pc, r)
	if err != nil {
		return err
	}
	fmt.Printf("pathway %s: %d nodes, %d edges (%s; %d import warnings)\n", gpml, pw.Len(), len(pw.Edges()), rep.Summary(), len(warnings))
	fmt.Printf("documents: %d nodes, %d edges\n\n", dg.Len(), len(dg.Edges()))
	return compare.Pathways(dg, pw).Write(os.Stdout)
}
