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

// folders writes the seeds and their curation files into two folders, in
// opposite orders.
func folders(t *testing.T) [2]string {
	t.Helper()
	files := seeds(t)
	cur, _ := filepath.Glob(filepath.Join("..", "..", "knowledge", "curation", "*.yaml"))
	if len(cur) != 3 {
		t.Fatalf("%d seed curation files, want 3", len(cur))
	}
	files = append(files, cur...)
	var dirs [2]string
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
			if err := os.WriteFile(filepath.Join(dirs[k], filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dirs
}

// The same inputs give byte-identical -json output across GOMAXPROCS
// values (each run loads the folder anew with the parallel loader, on top
// of the default knowledge and alone), the order the folder was written in,
// and the order of the files given to extract.
func TestDeterministicOutput(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	dirs := folders(t)
	var want [][]byte
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		var got [][]byte
		for _, c := range deterministicCommands {
			for _, fresh := range [][]string{nil, {"-fresh"}} {
				for _, dir := range dirs {
					got = append(got, output(t, slices.Concat([]string{"-docs", dir}, fresh, c)))
				}
			}
		}
		for i := 0; i < len(got); i += 2 {
			if !bytes.Equal(got[i], got[i+1]) {
				t.Errorf("GOMAXPROCS=%d: %q: output depends on the order the folder was written in", procs, deterministicCommands[i/4])
			}
		}
		if want == nil {
			want = got
			continue
		}
		for i := range got {
			if !bytes.Equal(got[i], want[i]) {
				t.Errorf("GOMAXPROCS=%d: %q gives other output than with GOMAXPROCS=1", procs, deterministicCommands[i/4])
			}
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
