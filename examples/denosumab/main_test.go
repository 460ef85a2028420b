package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/bonemet/bonemet/internal/textdiff"
)

var update = flag.Bool("update", false, "rewrite testdata/answer.golden")

// TestAnswer runs the command with its default flags on the embedded
// knowledge; the README shows the head of this answer (TestREADME checks
// it against the golden file).
func TestAnswer(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "answer.golden")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if d := textdiff.Text(string(want), out.String()); d != "" {
		t.Errorf("answer differs from %s (-want +got; go test -update rewrites it):\n%s", path, d)
	}
}
