package bonemet_test

import (
	"go/build"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/bonemet/bonemet"

// layout lists every package of the module with the module packages its
// non-test code may import. The imports run one way: formats below ingest
// know nothing of each other, the reader and the build know no format,
// and only the root, the tool and the examples see everything. A package
// missing here fails the test, so the layout cannot drift unnoticed.
var layout = map[string][]string{
	"source":                     {"graph"},
	"graph":                      {},
	"graph/export":               {"graph", "source"},
	"graph/compare":              {"graph"},
	"resolve":                    {"graph", "source", "resolve/internal/lexdata"},
	"ingest/internal/yamlx":      {"source"},
	"ingest/pfocr":               {"source", "ingest/internal/yamlx"},
	"ingest/pubmed":              {"source"},
	"ingest/curation":            {"source", "graph", "ingest/internal/yamlx"},
	"ingest/gpml":                {"source", "graph", "resolve"},
	"ingest/causal":              {"source", "graph"},
	"ingest/bel":                 {"source", "graph"},
	"ingest":                     {"source", "ingest/pfocr", "ingest/pubmed", "ingest/curation"},
	"extract":                    {"source", "graph", "resolve"},
	"build":                      {"source", "graph", "resolve"},
	"knowledge":                  {"graph"},
	"knowledge/internal/compile": {"source", "graph", "resolve", "ingest", "ingest/pfocr", "ingest/curation", "ingest/gpml", "build", "knowledge"},
	"knowledge/internal/gen":     {"knowledge/internal/compile"},
	"":                           {"source", "graph", "graph/compare", "resolve", "ingest", "ingest/gpml", "ingest/causal", "ingest/bel", "extract", "build", "knowledge"},
	"bonemettest":                {"", "graph"},
	"internal/benchcmp":          {},
	"internal/sharedtest":        {},
	"internal/textdiff":          {},
	"cmd/bonemet":                {"*"},
	"examples/*":                 {"*"},
	"resolve/internal/*":         {"*"},
}

// allowedFor returns the rule of a package, matching "dir/*" rules too.
func allowedFor(pkg string) ([]string, bool) {
	if a, ok := layout[pkg]; ok {
		return a, true
	}
	for rule, a := range layout {
		if strings.HasSuffix(rule, "/*") && strings.HasPrefix(pkg, strings.TrimSuffix(rule, "*")) {
			return a, true
		}
	}
	return nil, false
}

func TestLayout(t *testing.T) {
	seen := 0
	err := filepath.WalkDir(".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if name := e.Name(); p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
			return fs.SkipDir
		}
		bp, err := build.ImportDir(p, 0)
		if err != nil {
			return nil // no Go files here
		}
		pkg := filepath.ToSlash(p)
		if pkg == "." {
			pkg = ""
		}
		allowed, ok := allowedFor(pkg)
		if !ok {
			t.Errorf("package %q is not in the layout: add it with the imports it may have", pkg)
			return nil
		}
		seen++
		if slices.Contains(allowed, "*") {
			return nil
		}
		for _, imp := range bp.Imports {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if !slices.Contains(allowed, dep) {
				t.Errorf("%s imports %s: not allowed by the layout (allowed: %q)", path.Join(module, pkg), imp, allowed)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 15 {
		t.Fatalf("checked %d packages: the walk missed the module", seen)
	}
}

// The root package links no testing: the Expect helpers live in
// bonemettest.
func TestRootDoesNotLinkTesting(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on the PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", module).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps gave %d packages", len(deps))
	}
	for _, d := range deps {
		if d == "testing" || strings.HasPrefix(d, "testing/") {
			t.Errorf("%s depends on %s", module, d)
		}
	}
}
