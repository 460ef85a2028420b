// Package knowledge holds bonemet's default knowledge: a compiled
// snapshot of curated statements (each with the quote it rests on and
// where it sits), the entities they name, and the manifest of their
// sources. The snapshot is made by `go generate` from the curation files
// and seed documents in this folder and from the PFOCR records and
// WikiPathways pathways of the shared data folder (see internal/compile);
// those source files are not part of the module, the seeds excepted.
package knowledge

//go:generate go run ./internal/gen -shared ../../shared -o snapshot.tsv.gz

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"github.com/bonemet/bonemet/graph"
)

//go:embed snapshot.tsv.gz
var snapshotGz []byte

//go:embed docs curation
var files embed.FS

// Files returns the curation files (curation/) and seed documents (docs/)
// the snapshot was compiled from.
func Files() fs.FS { return files }

// Compressed returns the embedded snapshot as it is stored, gzip-compressed.
func Compressed() []byte { return snapshotGz }

var decoded = sync.OnceValues(func() (*Snapshot, error) {
	return DecodeCompressed(snapshotGz)
})

// Default returns the embedded snapshot, decoded once and shared: callers
// must not modify it.
func Default() (*Snapshot, error) { return decoded() }

// DecodeCompressed decodes a gzip-compressed snapshot.
func DecodeCompressed(b []byte) (*Snapshot, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("knowledge snapshot: %w", err)
	}
	return Decode(zr)
}

// Graph builds the graph of the snapshot's nodes and evidence.
func (s *Snapshot) Graph() (*graph.Graph, error) {
	var b graph.Builder
	for _, n := range s.Nodes {
		if err := b.AddNode(n); err != nil {
			return nil, err
		}
	}
	for _, e := range s.Edges {
		if _, err := b.AddEdge(e.From, e.To, e.Relation, e.Evidence); err != nil {
			return nil, err
		}
	}
	return b.Build()
}
