package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var deterministicCommands = [][]string{
	{"-json", "downstream", "denosumab"},
	{"-json", "upstream", "osteoclast"},
	{"-json", "blocks", "bisphosphonates"},
	{"-json", "path", "IAP antagonists", "bone metastasis"},
	{"-json", "resolve", "cIAP1/2"},
}

func output(t *testing.T, args []string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, errb.String())
	}
	return out.Bytes()
}

// The same inputs give byte-identical -json output across runs, GOMAXPROCS
// values and the order of the input files.
func TestDeterministicOutput(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	want := make([][]byte, len(deterministicCommands))
	for i, c := range deterministicCommands {
		want[i] = output(t, c)
	}
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for i, c := range deterministicCommands {
			if got := output(t, c); !bytes.Equal(got, want[i]) {
				t.Errorf("GOMAXPROCS=%d: %q gives different output", procs, c)
			}
		}
	}

	// A folder written in two different orders, and extract over the
	// files given in two different orders.
	files := seeds(t)
	cur, _ := filepath.Glob(filepath.Join("..", "..", "knowledge", "curation", "*.yaml"))
	files = append(files, cur...)
	dirs := make([]string, 2)
	for k := range dirs {
		dirs[k] = t.TempDir()
		order := slices.Clone(files)
		if k == 1 {
			slices.Reverse(order)
		}
		for _, f := range order {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dirs[k], filepath.Base(f)), b, 0o644)
		}
	}
	for _, c := range deterministicCommands {
		a := output(t, append([]string{"-docs", dirs[0]}, c...))
		b := output(t, append([]string{"-docs", dirs[1]}, c...))
		if !bytes.Equal(a, b) {
			t.Errorf("%q: output depends on the order the folder was written in", c)
		}
	}
	s := seeds(t)
	fwd := output(t, append([]string{"-json", "extract"}, s...))
	rev := slices.Clone(s)
	slices.Reverse(rev)
	if back := output(t, append([]string{"-json", "extract"}, rev...)); !bytes.Equal(fwd, back) {
		t.Error("extract output depends on the order of its files")
	}
}
