// Package sharedtest finds the data folder shared/ that lies beside a
// checkout (or wherever $BONEMET_SHARED points), for the tests and
// benchmarks that measure on real corpora. Its files are never part of the
// module; tests that need them skip, saying so, when they are absent. It
// also holds the few helpers the packages' tests share.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Path returns the path of shared/rel: under $BONEMET_SHARED when that is
// set, otherwise the first shared/rel found in the working directory or
// above it. When none exists it returns the path where it was expected
// first, so that callers' own checks fail with a clear name.
func Path(rel string) string {
	if root := os.Getenv("BONEMET_SHARED"); root != "" {
		return filepath.Join(root, rel)
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return filepath.Join("shared", rel)
	}
	first := ""
	for {
		c := filepath.Join(dir, "shared", rel)
		if first == "" {
			first = filepath.Join(filepath.Dir(dir), "shared", rel)
		}
		if _, err := os.Stat(c); err == nil {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return first
		}
		dir = parent
	}
}

// Require returns [Path](rel), skipping the test when it does not exist.
func Require(t testing.TB, rel string) string {
	t.Helper()
	p := Path(rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared/%s is absent (it lives in shared/ beside the checkout, or set $BONEMET_SHARED): skipping", rel)
	}
	return p
}

// The seed documents of the repository, in testdata/seeds.
const (
	SeedPage = "000_0b4618c4d182a6c1.txt" // a PubMed abstract page saved as text
	SeedIAP  = "001_239f79544c5afd1d.txt" // the PFOCR record of the IAP antagonists figure
	SeedDmab = "002_4f2c1ea2a5b7f309.txt" // the PFOCR record of the denosumab figure
)

// Testdata returns the path of testdata/rel at the root of the module
// (the folder holding go.mod, found from the working directory up).
func Testdata(rel string) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return filepath.Join("testdata", rel)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("testdata", rel)
		}
		dir = parent
	}
}

// Seed returns the text of a seed document (SeedPage, SeedIAP, SeedDmab),
// failing the test when it cannot be read.
func Seed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(Testdata(filepath.Join("seeds", name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Within fails the test if f does not return in d: hostile input must
// never hang a parser. The bound is generous; it only catches hangs.
func Within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("no answer in %v", d)
	}
}
