// Command lexgen compiles bonemet's default lexicon index
// (resolve/lexicon/names.idx) from the reference tables of the shared
// folder; see package resolve/internal/lexbuild for what it reads. Run it
// with go generate ./resolve, or:
//
//	go run ./resolve/internal/lexgen -shared ../shared -o resolve/lexicon/names.idx
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/bonemet/bonemet/resolve/internal/lexbuild"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared folder holding reference/")
	out := flag.String("o", "lexicon/names.idx", "output file")
	verbose := flag.Bool("v", false, "print the generator's warnings")
	flag.Parse()
	log.SetFlags(0)
	data, st, err := lexbuild.Build(*shared)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "lexgen: %s: %d bytes; %d genes, %d FamPlex entities, %d cells, %d ChEBI, %d MeSH chemicals; %d keys; grounding map: %d rows used, %d skipped; %d ion names; %d warnings\n",
		*out, len(data), st.Genes, st.Families, st.Cells, st.ChEBI, st.MeSH, st.Keys, st.Grounding, st.GroundingSkipped, st.IonNames, len(st.Warnings))
	if *verbose {
		for _, w := range st.Warnings {
			fmt.Fprintln(os.Stderr, "lexgen: "+w)
		}
	}
}
