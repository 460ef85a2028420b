package ingest_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/ingest/curation"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

func hostile(name string) string { return sharedtest.Testdata(filepath.Join("hostile", name)) }

// readAny reads a document file or a curation file, as Load would.
func readAny(r io.Reader, name string, lim source.Limits) (int, error) {
	if ingest.IsCurationFile(name) {
		cs, err := curation.Parse(r, name, lim)
		n := 0
		for _, c := range cs {
			n += len(c.Statements)
		}
		return n, err
	}
	docs, err := ingest.ReadDocuments(r, name, lim)
	return len(docs), err
}

var hostileFiles = []struct {
	file         string
	err          error // nil: parses, documented handling below
	line, column int
	handling     string
}{
	{"alias_bomb.md", source.ErrWrongType, 12, 8, "aliases are never expanded; the lists an alias brings where strings belong are type errors, each reported once"},
	{"alias_bomb.yaml", source.ErrUnknownField, 2, 1, "unknown keys, and an aliased statements list that holds lists, each reported once"},
	{"deep_nesting.md", source.ErrSyntax, 3, 1, "the YAML parser's depth limit"},
	{"deep_nesting.yaml", source.ErrMissingField, 3, 5, "5,000 nested mappings parse; the walk stops at the first level (subject is a mapping)"},
	{"invalid_utf8.md", source.ErrInvalidUTF8, 3, 16, "rejected with the position of the first bad byte"},
	{"bom_crlf.md", nil, 0, 0, "a byte-order mark is skipped and CRLF line ends are read as line ends"},
	{"lone_cr.md", nil, 0, 0, "lone CR line ends are read as line ends"},
	{"tabs.yaml", source.ErrSyntax, 3, 1, "YAML forbids tabs in indentation"},
	{"duplicate_keys.md", source.ErrDuplicateKey, 4, 1, "the second key is reported"},
	{"list_for_string.md", source.ErrWrongType, 4, 3, "a list where a string belongs"},
	{"string_for_list.yaml", source.ErrWrongType, 2, 13, "a string where a list belongs"},
	{"missing_frontmatter.md", source.ErrUnknownFormat, 1, 1, "without ---, a file is read as a PubMed page, which it is not"},
	{"unclosed_frontmatter.md", source.ErrUnclosed, 1, 1, "the opening --- is reported"},
	{"empty.md", source.ErrEmpty, 1, 1, ""},
	{"empty.yaml", source.ErrEmpty, 1, 1, ""},
	{"binary.bin", source.ErrUnknownFormat, 1, 1, "a binary file is no document"},
	{"truncated.md", source.ErrUnclosed, 1, 1, "the front matter never closes"},
	{"truncated.xml", source.ErrSyntax, 3, 0, "XML ends inside an element"},
}

func TestHostileFiles(t *testing.T) {
	for _, tt := range hostileFiles {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(hostile(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var n int
			sharedtest.Within(t, time.Minute, func() { n, err = readAny(f, tt.file, source.Limits{}) })
			if tt.err == nil {
				if err != nil || n == 0 {
					t.Fatalf("got %d items, %v; want it read (%s)", n, err, tt.handling)
				}
				return
			}
			var pe *source.ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) {
				t.Fatalf("got %v, want %v with a position", err, tt.err)
			}
			if pe.Line != tt.line || (tt.column != 0 && pe.Column != tt.column) {
				t.Errorf("got %v, want %s:%d:%d", err, tt.file, tt.line, tt.column)
			}
		})
	}
}

// repeat is an endless reader of one byte: a huge input in no memory.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// A 100 MB caption is cut off at the limit, without reading it whole.
func TestHostileHugeCaption(t *testing.T) {
	huge := io.MultiReader(strings.NewReader("---\nfigid: PMC0__huge\ncaption: "), io.LimitReader(repeat('a'), 100<<20), strings.NewReader("\n---\n"))
	var err error
	sharedtest.Within(t, time.Minute, func() { _, err = ingest.ReadDocuments(huge, "huge.md", source.Limits{}) })
	if !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	huge = io.MultiReader(strings.NewReader("document: d\nstatements:\n"), io.LimitReader(repeat(' '), 100<<20))
	sharedtest.Within(t, time.Minute, func() { _, err = curation.Parse(huge, "huge.yaml", source.Limits{MaxBytes: 1 << 20}) })
	if !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("curation: got %v, want ErrTooLarge", err)
	}
}

var hostileFolders = []struct {
	curation string
	err      error
	where    string // file:line:column in the error, for errors
	report   string // the report's summary, when loading succeeds
}{
	{"curation_unknown_document.yaml", source.ErrUnknownDocument, "curation_unknown_document.yaml:3:5", ""},
	{"curation_unknown_relation.yaml", source.ErrUnknownRelation, "curation_unknown_relation.yaml:3:36", ""},
	{"curation_quote_absent.yaml", source.ErrQuoteNotFound, "curation_quote_absent.yaml:6:12", ""},
	{"curation_unknown_entity.yaml", nil, "", "2 statements: 1 added, 0 merged, 0 duplicate, 1 unresolved, 0 rejected; 0 contradictions"},
	{"curation_self_loop_cycle.yaml", nil, "", "3 statements: 3 added, 0 merged, 0 duplicate, 0 unresolved, 0 rejected; 0 contradictions"},
}

func TestHostileCuration(t *testing.T) {
	doc, err := os.ReadFile(sharedtest.Testdata(filepath.Join("seeds", sharedtest.SeedDmab)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range hostileFolders {
		t.Run(tt.curation, func(t *testing.T) {
			dir := t.TempDir()
			cur, err := os.ReadFile(hostile(tt.curation))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, sharedtest.SeedDmab), doc, 0o644)
			os.WriteFile(filepath.Join(dir, tt.curation), cur, 0o644)
			c, err := ingest.Load(os.DirFS(dir), ".", source.Limits{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.where) {
					t.Fatalf("got %v, want %v at %s", err, tt.err, tt.where)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g, rep, err := build.Build(c, resolve.Default())
			if err != nil {
				t.Fatal(err)
			}
			if rep.Summary() != tt.report || !rep.Balanced() {
				t.Errorf("report %s, want %s", rep.Summary(), tt.report)
			}
			if _, err := g.Downstream("HGNC:11926"); err != nil {
				t.Error(err)
			}
		})
	}
}
