package bonemet_test

import (
	"bytes"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the generated parts of README.md")

// block returns what stands between <!-- name --> and <!-- /name --> in
// text, and where.
func block(t *testing.T, text, name string) (string, int, int) {
	t.Helper()
	open, close := "<!-- "+name+" -->\n", "<!-- /"+name+" -->"
	i := strings.Index(text, open)
	j := strings.Index(text, close)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the block %s", name)
	}
	return text[i+len(open) : j], i + len(open), j
}

// The README's generated parts are what the code says: the coverage
// table is the coverage command's output, and the API example is the body
// of the package's Example, which compiles and runs with the tests. Run
// go test -run TestREADME -update-readme to rewrite them.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	cov, err := bonemet.Default().Coverage()
	if err != nil {
		t.Fatal(err)
	}
	var table bytes.Buffer
	if err := cov.WriteMarkdown(&table, 15); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)\nfunc Example\(\) \{\n(.*?)\n\t// Output:`).FindSubmatch(src)
	if m == nil {
		t.Fatal("example_test.go has no Example with an Output comment")
	}
	code := "```go\n" + strings.ReplaceAll(strings.TrimPrefix(string(m[1]), "\t"), "\n\t", "\n") + "\n```\n"
	want := map[string]string{"coverage": table.String(), "api": code}
	for _, name := range []string{"api", "coverage"} {
		got, i, j := block(t, text, name)
		if got == want[name] {
			continue
		}
		if *updateReadme {
			text = text[:i] + want[name] + text[j:]
			continue
		}
		t.Errorf("README.md's %s block is out of date (go test -run TestREADME -update-readme):\n%s", name, want[name])
	}
	if *updateReadme {
		if err := os.WriteFile("README.md", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
