package compile_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/knowledge"
	"github.com/bonemet/bonemet/knowledge/internal/compile"
)

// The embedded snapshot is what `go generate ./knowledge` makes from the
// sources now: a fresh build gives the same bytes. When this fails after
// a change of the curation, the resolver or the importers, run
// go generate ./knowledge.
func TestSnapshotIsFresh(t *testing.T) {
	shared := sharedtest.Require(t, "corpus/pfocr-bone")
	s, err := compile.Compile(compile.Options{Knowledge: filepath.Join("..", ".."), Shared: filepath.Dir(filepath.Dir(shared))})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := compile.WriteCompressed(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), knowledge.Compressed()) {
		old, err := knowledge.Default()
		if err != nil {
			t.Fatal(err)
		}
		t.Fatalf("the embedded snapshot is stale (%d evidence, %d nodes; a fresh build has %d, %d): run go generate ./knowledge",
			len(old.Edges), len(old.Nodes), len(s.Edges), len(s.Nodes))
	}
}

// Decoding what Encode wrote gives the snapshot back.
func TestSnapshotRoundTrip(t *testing.T) {
	s, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := s.Encode(&a); err != nil {
		t.Fatal(err)
	}
	back, err := knowledge.Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("Encode(Decode(Encode(s))) differs from Encode(s)")
	}
	if len(s.Edges) == 0 || len(s.Sources) == 0 || len(s.Documents) == 0 {
		t.Fatalf("an empty snapshot: %d evidence, %d sources, %d documents", len(s.Edges), len(s.Sources), len(s.Documents))
	}
}
