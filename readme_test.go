package bonemet_test

import (
	"bytes"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/internal/textdiff"
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

// readmeAnswerLines is how many lines of the denosumab example's answer
// the README shows.
const readmeAnswerLines = 8

// The README's generated parts are what the code says: the coverage
// table is the coverage command's output, the API example is the body of
// the package's Example, which compiles and runs with the tests, and the
// denosumab answer is the head of that example's golden output (its own
// test checks the golden file against the command). Run
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
	answer, err := os.ReadFile("examples/denosumab/testdata/answer.golden")
	if err != nil {
		t.Fatal(err)
	}
	head := strings.SplitAfterN(string(answer), "\n", readmeAnswerLines+1)[:readmeAnswerLines]
	want := map[string]string{
		"coverage":  table.String(),
		"api":       code,
		"denosumab": "```\n" + strings.Join(head, "") + "  ...\n```\n",
	}
	for _, name := range []string{"api", "coverage", "denosumab"} {
		got, i, j := block(t, text, name)
		if got == want[name] {
			continue
		}
		if *updateReadme {
			text = text[:i] + want[name] + text[j:]
			continue
		}
		t.Errorf("README.md's %s block is out of date (-want +got; go test -run TestREADME -update-readme rewrites it):\n%s", name, textdiff.Text(want[name], got))
	}
	if *updateReadme {
		if err := os.WriteFile("README.md", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
