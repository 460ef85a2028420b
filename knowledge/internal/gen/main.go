// Command gen compiles the default knowledge snapshot (see package
// compile) and writes it gzip-compressed:
//
//	go run ./knowledge/internal/gen -shared ../shared -o knowledge/snapshot.tsv.gz
//
// It prints the counts of the build to standard error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/bonemet/bonemet/knowledge/internal/compile"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared data `folder`")
	dir := flag.String("knowledge", ".", "the knowledge `folder` (with docs/ and curation/)")
	out := flag.String("o", "snapshot.tsv.gz", "output `file`")
	flag.Parse()
	log.SetFlags(0)
	s, err := compile.Compile(compile.Options{Knowledge: *dir, Shared: *shared})
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := compile.WriteCompressed(&buf, s); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	c := s.Counts
	fmt.Fprintf(os.Stderr, "%d sources, %d documents, %d nodes, %d evidence; read %d: %d added, %d merged, %d duplicate, %d unresolved, %d rejected; curated %d, accepted %d, corrected %d, imported %d, reader statements rejected %d\n",
		len(s.Sources), len(s.Documents), len(s.Nodes), len(s.Edges), c.Read, c.Added, c.Merged, c.Duplicates, c.Unresolved, c.Rejected,
		c.Curated, c.Accepted, c.Corrected, c.Imported, c.ReaderRejected)
}
