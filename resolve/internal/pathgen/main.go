// Command pathgen compiles the pathway gene sets of bonemet's default
// resolver (resolve/lexicon/pathways.tsv) from the WikiPathways GPML
// files of the shared folder, grounding their data nodes with the
// default resolver (so it runs after lexgen). Run it with
// go generate ./resolve, or:
//
//	go run ./resolve/internal/pathgen -shared ../shared -o resolve/lexicon/pathways.tsv
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/resolve/internal/pathbuild"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared folder holding reference/")
	out := flag.String("o", "lexicon/pathways.tsv", "output file")
	flag.Parse()
	log.SetFlags(0)
	data, err := pathbuild.Build(filepath.Join(*shared, "reference", "wikipathways", "gpml"), resolve.Default())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "pathgen: %s: %d bytes\n", *out, len(data))
}
