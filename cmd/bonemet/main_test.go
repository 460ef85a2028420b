package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/internal/textdiff"

	"github.com/bonemet/bonemet/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func seeds(t *testing.T) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*"))
	if err != nil || len(m) != 3 {
		t.Fatalf("seeds: %v %v", m, err)
	}
	return m
}

var cliTests = []struct {
	name string
	args []string
	code int
}{
	{"blocks_denosumab_json", []string{"-json", "-max-depth", "1", "blocks", "denosumab"}, 0},
	{"blocks_flag_after", []string{"blocks", "-json", "denosumab", "-max-depth", "1"}, 0},
	{"downstream_iap_json", []string{"-json", "-max-depth", "2", "-methods", "curated", "downstream", "IAP antagonists"}, 0},
	{"downstream_text", []string{"downstream", "-max-depth", "2", "RANKL"}, 0},
	{"upstream_secretes", []string{"upstream", "RANKL", "-only", "secretes", "-max-depth", "1"}, 0},
	{"promotes_birc2", []string{"promotes", "BIRC2"}, 0},
	{"path_text", []string{"path", "IAP antagonists", "osteoclast"}, 0},
	{"path_json", []string{"-json", "-max-depth", "3", "-min-belief", "0.99", "path", "denosumab", "osteoclast"}, 0},
	{"resolve_json", []string{"-json", "resolve", "RANK ligand"}, 0},
	{"resolve_group", []string{"resolve", "cIAP1/2"}, 0},
	{"resolve_unknown_json", []string{"resolve", "-json", "unobtainium"}, 0},
	{"unknown_name", []string{"blocks", "unobtainium"}, 1},
	{"ambiguous_list", []string{"blocks", "RANK/RANKL"}, 1},
	{"no_subcommand", nil, 2},
	{"bad_subcommand", []string{"frobnicate"}, 2},
	{"missing_argument", []string{"path", "denosumab"}, 2},
	{"bad_flag", []string{"-frob", "blocks", "x"}, 2},
	{"bad_relation", []string{"-only", "binds", "blocks", "denosumab"}, 2},
	{"missing_docs", []string{"-docs", "/nonexistent/folder", "blocks", "denosumab"}, 1},
}

func TestCLI(t *testing.T) {
	for _, tt := range cliTests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errb.String())
			}
			got := out.String()
			if tt.code != 0 {
				got = errb.String()
			}
			golden(t, tt.name, got)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := textdiff.Text(string(want), got); d != "" {
		t.Errorf("output differs from %s (-want +got; go test -update rewrites it):\n%s", path, d)
	}
}

// A name of several words may go unquoted to a subcommand that takes one
// name; path, which takes two, asks for quotes.
func TestUnquotedName(t *testing.T) {
	var a, b, errs bytes.Buffer
	if code := run([]string{"blocks", "zoledronic", "acid"}, strings.NewReader(""), &a, &errs); code != 0 {
		t.Fatalf("blocks zoledronic acid: exit %d: %s", code, errs.String())
	}
	run([]string{"blocks", "zoledronic acid"}, strings.NewReader(""), &b, os.Stderr)
	if a.Len() == 0 || a.String() != b.String() {
		t.Errorf("blocks zoledronic acid differs from blocks \"zoledronic acid\":\n%s\n%s", a.String(), b.String())
	}
	errs.Reset()
	if code := run([]string{"path", "IAP", "antagonists", "bone", "metastasis"}, strings.NewReader(""), &a, &errs); code != 2 ||
		!strings.Contains(errs.String(), `want 2 name(s), got 4; quote a name of several words`) {
		t.Errorf("path with four words: exit %d, %q", code, errs.String())
	}
}

func TestFlagsAnywhere(t *testing.T) {
	var a, b bytes.Buffer
	run([]string{"-json", "blocks", "denosumab"}, strings.NewReader(""), &a, os.Stderr)
	run([]string{"blocks", "denosumab", "-json"}, strings.NewReader(""), &b, os.Stderr)
	if a.Len() == 0 || a.String() != b.String() {
		t.Error("flags after the subcommand give a different answer")
	}
}

func TestBlocksDenosumabJSON(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"-json", "blocks", "denosumab"}, strings.NewReader(""), &out, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	type edge struct {
		From, Relation, To string
		Evidence           []struct{ Doc, Quote string }
	}
	type line struct {
		Node struct{ ID, Kind, Symbol string }
		Sign string
		Path []edge
	}
	found := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r line
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if r.Sign != "-" {
			t.Errorf("%s has sign %s in blocks", r.Node.ID, r.Sign)
		}
		for _, e := range r.Path {
			if len(e.Evidence) == 0 || e.Evidence[0].Doc == "" || e.Evidence[0].Quote == "" {
				t.Errorf("%s: hop %s→%s without evidence", r.Node.ID, e.From, e.To)
			}
		}
		found[r.Node.ID] = true
	}
	for _, id := range []string{"HGNC:11926", "HGNC:11908", "CL:0000092"} {
		if !found[id] {
			t.Errorf("blocks denosumab lacks %s", id)
		}
	}
}

func TestDocsFolder(t *testing.T) {
	dir := t.TempDir()
	for _, s := range seeds(t) {
		b, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644)
	}
	cur, _ := os.ReadFile(filepath.Join("..", "..", "knowledge", "curation", "002_pmc7426519_f3.yaml"))
	os.WriteFile(filepath.Join(dir, "f3.yaml"), cur, 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"-docs", dir, "-fresh", "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "TNFRSF11A") || strings.Contains(out.String(), "osteoclast ") {
		t.Errorf("-fresh: a folder with one curation file answers from it alone:\n%s", out.String())
	}
	// Without -fresh the folder adds to the default knowledge.
	out.Reset()
	if code := run([]string{"-docs", dir, "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "osteoclast ") {
		t.Errorf("a folder adds to the default knowledge, which holds denosumab ⊣ osteoclast:\n%s", out.String())
	}
}

func TestExtractSeeds(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(append([]string{"-json", "extract"}, seeds(t)...), strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := []string{
		`"subject":{"id":"DRUGBANK:DB06643"`,
		`"relation":"secretes","object":{"id":"HGNC:11926"`,
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Errorf("extract output lacks %s", w)
		}
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"export", "-format", "dot", "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "digraph") || !strings.Contains(out.String(), `"DRUGBANK:DB06643" -> "HGNC:11926"`) ||
		strings.Contains(out.String(), "IAP antagonists") {
		t.Errorf("DOT of what denosumab blocks:\n%s", out.String())
	}
	if code := run([]string{"export", "-format", "neo4j", "-o", dir}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("neo4j: exit %d: %s", code, errb.String())
	}
	for _, f := range []string{"nodes.csv", "relationships.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	errb.Reset()
	if code := run([]string{"export", "-format", "sif"}, strings.NewReader(""), &out, &errb); code != 1 || !strings.Contains(errb.String(), "give a folder with -o") {
		t.Errorf("sif without -o: exit %d, %s", code, errb.String())
	}
	if code := run([]string{"export", "-format", "jpeg"}, strings.NewReader(""), &out, &errb); code != 1 {
		t.Errorf("unknown format: exit %d", code)
	}
}

func TestImport(t *testing.T) {
	gpml := filepath.Join("..", "..", "ingest", "gpml", "testdata", "gpml")
	var out, errb bytes.Buffer
	args := []string{"upstream", "RANK", "-max-depth", "1", "-import", filepath.Join(gpml, "anchor.gpml"), "-import", filepath.Join(gpml, "nowhere.gpml")}
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	// The pathway's OPG ⊣ RANK meets the documents' RANKL → RANK.
	if !strings.Contains(out.String(), "TNFRSF11B ⊣ TNFRSF11A [WP2018; WP9001]") || !strings.Contains(out.String(), "TNFSF11 → TNFRSF11A [") ||
		!strings.Contains(out.String(), "PMC7426519 F3") {
		t.Errorf("the pathway's OPG ⊣ RANK does not meet the documents' edges:\n%s", out.String())
	}
	if !strings.Contains(errb.String(), "warning:") || !strings.Contains(errb.String(), "nowhere.gpml:") {
		t.Errorf("the pathway's unplaced interactions are not reported:\n%s", errb.String())
	}
}

func TestExportPicture(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz's dot is not installed")
	}
	var out, errb bytes.Buffer
	if code := run([]string{"export", "-format", "svg", "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "<svg") || !strings.Contains(out.String(), "denosumab") {
		t.Errorf("not an SVG of the answer: %.200s", out.String())
	}
}

// The done criteria of genome-scale resolution, through the tool.
func TestResolveHGNC(t *testing.T) {
	hgnc := filepath.Join("..", "..", "..", "shared", "reference", "hgnc", "hgnc_complete_set.txt")
	if _, err := os.Stat(hgnc); err != nil {
		t.Skipf("HGNC table not found at %s (the shared reference data lives beside the checkout)", hgnc)
	}
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "001_239f79544c5afd1d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	caption := string(seed)[strings.Index(string(seed), "caption:"):strings.Index(string(seed), "papertitle:")]
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-json", "resolve", "-hgnc", hgnc, "RANK ligand"}, `"status":"resolved","candidates":[{"id":"HGNC:11926","kind":"gene","symbol":"TNFSF11"`},
		{[]string{"-json", "resolve", "-hgnc", hgnc, "OPG"}, `"candidates":[{"id":"HGNC:11909","kind":"gene","symbol":"TNFRSF11B"`},
		{[]string{"-json", "resolve", "-hgnc", hgnc, "cIAP1/2"}, `"id":"BONEMET:cIAP1_2","kind":"group","symbol":"cIAP1/2","name":"cellular inhibitor of apoptosis proteins 1 and 2","group":"family","members":["HGNC:590","HGNC:591"]`},
		{[]string{"-json", "resolve", "-hgnc", hgnc, "-context", caption, "IAP"}, `"candidates":[{"id":"FPLX:BIRC"`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := run(tt.args, strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args[len(tt.args)-1], code, errb.String())
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s: got %s, want %s", tt.args[len(tt.args)-1], out.String(), tt.want)
		}
		if strings.Contains(out.String(), "IAPP") && strings.Contains(out.String(), `"status":"resolved"`) && strings.Contains(out.String(), `"id":"HGNC:5329"`) {
			t.Errorf("IAP resolved to IAPP: %s", out.String())
		}
	}
}

// A folder loads as it comes: the PFOCR bone corpus has a tables/ folder
// of TSV files, which are skipped and reported, and its records add to the
// default knowledge.
func TestDocsCorpusFolder(t *testing.T) {
	dir := sharedtest.Require(t, "corpus/pfocr-bone")
	var out, errb bytes.Buffer
	if code := run([]string{"-docs", dir, "-max-depth", "1", "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "bonemet: skipped tables/shiny-titles_pfocr_curated.tsv:1:1: unknown document format") ||
		!strings.Contains(errb.String(), "files skipped (not documents or curation") {
		t.Errorf("the skipped files are not reported:\n%s", errb.String())
	}
	if !strings.Contains(out.String(), "TNFSF11 (RANKL)") {
		t.Errorf("no answer:\n%s", out.String())
	}
	// -strict makes them errors.
	errb.Reset()
	if code := run([]string{"-docs", dir, "-strict", "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "unknown document format") {
		t.Errorf("-strict: exit %d: %s", code, errb.String())
	}
}

// The paper cuts of the tool: each says what is wrong and how to fix it.
var paperCuts = []struct {
	args []string
	code int
	says string
}{
	{[]string{"blocks", "denosumb"}, 1, "did you mean denosumab (DRUGBANK:DB06643)?"},
	{[]string{"export"}, 2, "give -format: dot, graphml, sif, cyjs, neo4j, jsonl, svg or png"},
	{[]string{"-docs", "main.go", "blocks", "denosumab"}, 1, "main.go: not a folder"},
	{[]string{"blocks", strings.Repeat("x", 1<<20)}, 1, "… (1048576 bytes)"},
}

func TestPaperCuts(t *testing.T) {
	for _, tt := range paperCuts {
		var out, errb bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &out, &errb)
		if code != tt.code || !strings.Contains(errb.String(), tt.says) || len(errb.String()) > 4096 {
			t.Errorf("%.60q: exit %d, stderr %.300q; want exit %d saying %q", tt.args, code, errb.String(), tt.code, tt.says)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"help"}, strings.NewReader(""), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "svg|png") || !strings.Contains(out.String(), "-min-belief") {
		t.Errorf("help: exit %d:\n%s", code, out.String())
	}
	dir := t.TempDir()
	errb.Reset()
	if code := run([]string{"-docs", dir, "blocks", "denosumab"}, strings.NewReader(""), &out, &errb); code != 0 ||
		!strings.Contains(errb.String(), "holds no documents or curation files") {
		t.Errorf("an empty folder: exit %d: %s", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"-json", "resolve", "-"}, strings.NewReader("MEK\n\nTP53\ndenosumb\n"), &out, &errb); code != 0 {
		t.Fatalf("resolve -: exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"FPLX:MEK"`) || !strings.Contains(lines[1], `"HGNC:11998"`) ||
		!strings.Contains(lines[2], `"suggestions":[{"id":"DRUGBANK:DB06643"`) {
		t.Errorf("resolve -:\n%s", out.String())
	}
}
