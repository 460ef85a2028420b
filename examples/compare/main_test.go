package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareWP12(t *testing.T) {
	gpml := filepath.Join("..", "..", "..", "shared", "reference", "wikipathways", "gpml", "WP12.gpml")
	if _, err := os.Stat(gpml); err != nil {
		t.Skipf("WP12 not found at %s (the shared reference data lives beside the checkout)", gpml)
	}
	r, w, _ := os.Pipe()
	stdout := os.Stdout
	os.Stdout = w
	err := run(gpml, "", "")
	w.Close()
	os.Stdout = stdout
	out, _ := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"supported (2):", "TNFSF11 → TNFRSF11A  [WP12]", "TNFRSF11B ⊣ TNFSF11  [WP12]", "lacking in the documents"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
