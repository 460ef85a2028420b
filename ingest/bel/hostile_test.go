package bel_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bonemet/bonemet/internal/sharedtest"

	"github.com/bonemet/bonemet/internal/textdiff"

	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/source"
)

// ctx sets a citation and an evidence text for the statements after it.
const ctx = "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"Made up.\"\n"

// tenMB returns an evidence text of 10 MB, on one line or on lines of
// about 100 bytes.
func tenMB(lines bool) string {
	word := "osteoclast "
	if lines {
		word = strings.Repeat("osteoclast ", 9) + "\n"
	}
	return strings.Repeat(word, 10<<20/len(word)+1)
}

func fixtureText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var hostileTests = []struct {
	name         string
	in           func(t testing.TB) string
	lim          source.Limits
	errs         []wantErr
	plain        bool // the error has no line to show (empty input)
	stmts, skips int
	check        func(t *testing.T, s *bel.Script)
}{
	{
		name: "unclosed quote in evidence: reported where it opens, the lines after read again",
		in: func(testing.TB) string {
			return "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"never closed\np(HGNC:A) increases p(HGNC:B)\n" +
				"SET Evidence = \"fine\"\np(HGNC:A) increases p(HGNC:B)\n"
		},
		errs:  []wantErr{{"2:16+1", source.ErrSyntax, "unclosed quote"}},
		stmts: 1, skips: 1,
		check: func(t *testing.T, s *bel.Script) {
			if k := s.NotCausal[0]; k.Kind != bel.BadContext || k.Pos.Line != 3 {
				t.Errorf("skip %v, want the statement of line 3 skipped for its evidence", k)
			}
		},
	},
	{
		name: "unclosed quote in a statement",
		in: func(testing.TB) string {
			return ctx + "p(HGNC:\"A) increases p(HGNC:B)\np(HGNC:A) increases p(HGNC:B)\n"
		},
		errs:  []wantErr{{"3:8+1", source.ErrSyntax, "unclosed quote"}},
		stmts: 1, skips: 1,
	},
	{
		name: "unclosed quote in a DEFINE",
		in: func(testing.TB) string {
			return "DEFINE NAMESPACE X AS URL \"http://example.org/x\n" + ctx + "p(X:a) increases p(HGNC:B)\n"
		},
		errs: []wantErr{
			{"1:27+1", source.ErrSyntax, "unclosed quote"},
			{"4:3+1", bel.ErrUnknownNamespace, `"X"`},
		},
		skips: 1,
	},
	{
		name:  "unknown namespace",
		in:    func(testing.TB) string { return ctx + "p(HGNC:A) increases p(NOPE:\"B \\\"b\\\"\")\n" },
		errs:  []wantErr{{"3:23+4", bel.ErrUnknownNamespace, `unknown namespace: "NOPE"`}},
		skips: 1,
	},
	{
		name: "nested statement",
		in: func(testing.TB) string {
			return ctx + "p(HGNC:A) increases (p(HGNC:B) increases (p(HGNC:C) -| p(HGNC:D)))\n"
		},
		skips: 1,
		check: func(t *testing.T, s *bel.Script) {
			if k := s.NotCausal[0]; k.Kind != bel.NestedStatement || k.Reason != "nested statement" || k.Doc != "PMID:1" {
				t.Errorf("skip %+v", k)
			}
		},
	},
	{
		name:  "unbalanced parentheses: ( never closed",
		in:    func(testing.TB) string { return ctx + "p(HGNC:A increases p(HGNC:B)\n" },
		errs:  []wantErr{{"3:2+1", source.ErrSyntax, "this ( is never closed"}},
		skips: 1,
	},
	{
		name:  "unbalanced parentheses: ) too many",
		in:    func(testing.TB) string { return ctx + "p(HGNC:A)) increases p(HGNC:B)\n" },
		errs:  []wantErr{{"3:10+1", source.ErrSyntax, "this ) closes nothing"}},
		skips: 1,
	},
	{
		name:  "terms nested too deep",
		in:    func(testing.TB) string { return ctx + strings.Repeat("p(", 10000) + strings.Repeat(")", 10000) + "\n" },
		errs:  []wantErr{{"3:514+1", source.ErrSyntax, "terms nested deeper than 256"}},
		skips: 1,
	},
	{
		name: "10 MB evidence on one line: the line is too long, the read stops",
		in: func(testing.TB) string {
			return "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"" + tenMB(false) + "\"\np(HGNC:A) increases p(HGNC:B)\n"
		},
		errs: []wantErr{{"2:1+0", source.ErrTooLarge, "line longer than 1048576 bytes"}},
	},
	{
		name: "10 MB evidence on many lines over MaxRecord: the read stops",
		in: func(testing.TB) string {
			return "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"" + tenMB(true) + "\"\np(HGNC:A) increases p(HGNC:B)\n"
		},
		lim:  source.Limits{MaxRecord: 1 << 20},
		errs: []wantErr{{"2:16+1", source.ErrTooLarge, "quoted value longer than 1048576 bytes"}},
	},
	{
		name: "10 MB evidence on many lines within the limits",
		in: func(testing.TB) string {
			return "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"" + tenMB(true) + "\"\np(HGNC:A) increases p(HGNC:B)\n"
		},
		stmts: 1,
		check: func(t *testing.T, s *bel.Script) {
			if q := s.Statements[0].Quote; len(q) < 10_000_000 || strings.Contains(q, "\n") {
				t.Errorf("quote of %d bytes", len(q))
			}
		},
	},
	{
		name:  "invalid UTF-8 in a statement",
		in:    func(testing.TB) string { return ctx + "p(HGNC:A\xff) increases p(HGNC:B)\n" },
		errs:  []wantErr{{"3:9+1", source.ErrInvalidUTF8, "invalid UTF-8"}},
		skips: 1,
	},
	{
		name: "invalid UTF-8 in evidence: reported, the text kept with U+FFFD",
		in: func(testing.TB) string {
			return "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"caf\xe9 au lait\"\np(HGNC:A) increases p(HGNC:B)\n"
		},
		errs:  []wantErr{{"2:20+1", source.ErrInvalidUTF8, "invalid UTF-8"}},
		stmts: 1,
		check: func(t *testing.T, s *bel.Script) {
			if q := s.Statements[0].Quote; q != "caf\uFFFD au lait" {
				t.Errorf("quote %q", q)
			}
		},
	},
	{
		name:  "CRLF line ends read as LF",
		in:    func(t testing.TB) string { return strings.ReplaceAll(fixtureText(t, "openbel.bel"), "\n", "\r\n") },
		stmts: 13, skips: 1,
		check: func(t *testing.T, s *bel.Script) {
			sameAsFixture(t, s, "openbel.bel")
		},
	},
	{
		name:  "byte-order mark skipped",
		in:    func(t testing.TB) string { return "\uFEFF" + fixtureText(t, "pybel.bel") },
		stmts: 7, skips: 2,
		check: func(t *testing.T, s *bel.Script) {
			sameAsFixture(t, s, "pybel.bel")
		},
	},
	{
		name:  "byte-order mark and CRLF in an error's line",
		in:    func(testing.TB) string { return "\uFEFFp(FOO:A) increases p(HGNC:B)\r\n" },
		errs:  []wantErr{{"1:3+3", bel.ErrUnknownNamespace, `"FOO"`}},
		skips: 1,
	},
	{
		name:  "empty file",
		in:    func(testing.TB) string { return "" },
		errs:  []wantErr{{"1:1+0", source.ErrEmpty, "empty input"}},
		plain: true,
	},
	{
		name:  "white space and comments only",
		in:    func(testing.TB) string { return "  \n# only a comment\n\t\n// and another\n" },
		errs:  []wantErr{{"1:1+0", source.ErrEmpty, "no BEL statements or definitions"}},
		plain: true,
	},
	{
		name:  "NUL bytes",
		in:    func(testing.TB) string { return "\x00\x00\x00\n" },
		errs:  []wantErr{{"1:1+3", source.ErrSyntax, "want a term"}},
		skips: 1,
	},
	{
		name:  "backslash at the end of the input",
		in:    func(testing.TB) string { return ctx + "p(HGNC:A) increases p(HGNC:B) \\" },
		stmts: 1,
	},
	{
		// Outside a quote \" opens one; inside it is an escaped quote: each
		// line opens a value that runs to the end of the input. After two
		// rescans, a quoted value must close on its line.
		name: "quotes left open on many lines: bounded rescans",
		in: func(testing.TB) string {
			return strings.Repeat("SET A = \\\"x\n", 4) + ctx + "p(HGNC:A) increases p(HGNC:B)\n"
		},
		errs: []wantErr{
			{"1:10+1", source.ErrSyntax, "unclosed quote"}, {"2:10+1", source.ErrSyntax, "unclosed quote"},
			{"3:10+1", source.ErrSyntax, "unclosed quote"}, {"4:10+1", source.ErrSyntax, "unclosed quote"},
		},
		stmts: 1,
	},
}

// sameAsFixture checks that s holds what the fixture of that name gives.
func sameAsFixture(t *testing.T, s *bel.Script, name string) {
	t.Helper()
	for _, f := range fixtures {
		if f.file != name {
			continue
		}
		var got []string
		for _, st := range s.Statements {
			got = append(got, stmtLine(st))
		}
		if d := textdiff.Lines(f.stmts, got); d != "" {
			t.Errorf("statements (-want +got):\n%s", d)
		}
		for key, want := range f.texts {
			if got := sectionText(s, key); got != want {
				t.Errorf("section %s = %q, want %q", key, got, want)
			}
		}
	}
}

func TestReadHostile(t *testing.T) {
	for _, tt := range hostileTests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in(t)
			var s *bel.Script
			var err error
			sharedtest.Within(t, 20*time.Second, func() { s, err = bel.Read(strings.NewReader(in), "in.bel", tt.lim) })
			if s == nil {
				t.Fatal("nil Script")
			}
			if tt.plain {
				var pe *source.ParseError
				if !errors.As(err, &pe) || !errors.Is(err, tt.errs[0].err) || pe.Line != 1 || pe.Column != 1 ||
					!strings.Contains(pe.Error(), tt.errs[0].msg) || pe.ErrorWithPosition() != pe.Error() {
					t.Errorf("error %v, want a *ParseError at 1:1 wrapping %v", err, tt.errs[0].err)
				}
			} else {
				checkErrs(t, err, tt.errs)
			}
			if len(s.Statements) != tt.stmts || len(s.NotCausal) != tt.skips || !s.Balanced() {
				t.Errorf("%d statements, %d skips, want %d, %d; balanced %v: %s", len(s.Statements), len(s.NotCausal),
					tt.stmts, tt.skips, s.Balanced(), s.Summary())
			}
			if tt.check != nil && !t.Failed() {
				tt.check(t, s)
			}
		})
	}
}

func TestReadMaxErrors(t *testing.T) {
	s, err := readFixture(t, "errors.bel", source.Limits{MaxErrors: 3})
	if n := len(errs(err)); n != 3 {
		t.Errorf("%d errors, want 3", n)
	}
	if s.Read != 3 || !s.Balanced() {
		t.Errorf("read %d statements, want 3 (the read stops at the third error); balanced %v", s.Read, s.Balanced())
	}
}

var errDisk = errors.New("disk on fire")

// failingReader returns its data, then errDisk.
type failingReader struct{ data io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errDisk
	}
	return n, err
}

func TestReadIOError(t *testing.T) {
	in := ctx + "p(HGNC:A) increases p(HGNC:B)\n"
	s, err := bel.Read(failingReader{strings.NewReader(in)}, "in.bel", source.Limits{})
	var pe *source.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, errDisk) || pe.File != "in.bel" || pe.Line != 4 {
		t.Errorf("error %v, want a *ParseError at in.bel:4 wrapping the read error", err)
	}
	if len(s.Statements) != 1 || !s.Balanced() {
		t.Errorf("statements read before the error: %s", s.Summary())
	}
}

// TestReadLinear reads inputs of n and 8n statements and compares the
// work done, counted in allocated bytes (which, unlike time, does not
// depend on the machine's load): a quadratic reader would allocate far
// more than 8 times as much.
func TestReadLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for _, unit := range []string{
		ctx + "SET Evidence = \"a\nb \\\" c\"\np(HGNC:A) increases p(HGNC:B) // note\n" +
			"SET A = \"open\np(HGNC:A) \\\n increases p(HGNC:B)\n",
		"SET A = \\\"x\n", // a value left open on every line
		"p(HGNC:A) increases " + strings.Repeat("p(", 300) + "\n",
	} {
		alloc := func(n int) float64 {
			in := []byte(strings.Repeat(unit, n))
			return testing.AllocsPerRun(1, func() { bel.Read(bytes.NewReader(in), "in.bel", source.Limits{MaxErrors: 1 << 30}) })
		}
		small, large := alloc(500), alloc(4000)
		if large > 10*small {
			t.Errorf("allocations grow from %.0f to %.0f for 8 times the input %q", small, large, unit)
		}
	}
}
