package causal_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/causal"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// causalRow is a statement as the tests expect it.
type causalRow struct {
	triple, note string
	line         int
}

// causalErr is a skipped row as the tests expect it.
type causalErr struct {
	err        error
	line, col  int
	msgContain string
}

var causalFixtureTests = []struct {
	file, doc, rule string
	rows            []causalRow
	errs            []causalErr
}{
	{
		file: "omnipath.tsv", doc: "OmniPath", rule: "omnipath",
		rows: []causalRow{
			{"TNFSF11 activates TNFRSF11A", "PMID:10224132 PMID:9168977", 2},
			{"TNFRSF11B inhibits TNFSF11", "PMID:9568710", 3},
			{"TNF activates TNFRSF1A", "", 4}, // both flags, settled by consensus
			{"IL6 activates IL6R", "PMID:1", 5},
			{"IL6 inhibits IL6R", "PMID:1", 5}, // both flags and both consensus flags
		},
		errs: []causalErr{
			{causal.ErrUnsigned, 6, 15, "undirected"},
			{causal.ErrComplex, 7, 42, "NFKB1_RELA"},
			{causal.ErrUnsigned, 8, 11, "neither stimulation nor inhibition"},
		},
	},
	{
		file: "sif.tsv", doc: "sif", rule: "omnipath",
		rows: []causalRow{
			{"TNFSF11 activates TNFRSF11A", "", 2},
			{"TNFRSF11B inhibits TNFSF11", "", 3},
			{"MAP3K14 activates NFKB2", "", 6},
			{"BIRC2 inhibits MAP3K14", "", 7},
			{"IL6 inhibits CCL3", "", 11},
		},
		errs: []causalErr{
			{causal.ErrComplex, 8, 9, "IL17RA_IL17RC"},
			{source.ErrUnknownRelation, 9, 7, `interaction "2"`},
			{source.ErrMissingField, 10, 8, "2 columns, want at least 3"},
		},
	},
	{
		file: "headerless.tsv", doc: "headerless", rule: "omnipath",
		rows: []causalRow{
			{"TNFSF11 activates TNFRSF11A", "", 1},
			{"TNFRSF11B inhibits TNFSF11", "", 2},
		},
	},
	{
		file: "signor.tsv", doc: "SIGNOR", rule: "signor",
		rows: []causalRow{
			{"TNFSF11 activates TNFRSF11A", "PMID:10224132 SIGNOR-1", 2},
			{"TNFRSF11B inhibits TNFSF11", "PMID:9108485 PMID:9568710 SIGNOR-2", 3},
		},
		errs: []causalErr{
			{causal.ErrComplex, 4, 1, "NFKB"},
			{causal.ErrUnsigned, 5, 60, `EFFECT "form complex"`},
		},
	},
}

func readCausalFixture(t testing.TB, name string) ([]source.Statement, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "causal", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return causal.Read(f, filepath.Join("testdata", "causal", name), source.Limits{})
}

func TestReadCausalTableFixtures(t *testing.T) {
	for _, tt := range causalFixtureTests {
		t.Run(tt.file, func(t *testing.T) {
			stmts, err := readCausalFixture(t, tt.file)
			if len(stmts) != len(tt.rows) {
				for _, s := range stmts {
					t.Logf("got %s", triple(s))
				}
				t.Fatalf("%d statements, want %d (err %v)", len(stmts), len(tt.rows), err)
			}
			for i, want := range tt.rows {
				s := stmts[i]
				if triple(s) != want.triple || s.Note != want.note || s.Pos.Line != want.line {
					t.Errorf("statement %d = %s (%q) line %d, want %s (%q) line %d", i, triple(s), s.Note, s.Pos.Line, want.triple, want.note, want.line)
				}
				wantQuote := s.Subject + " " + s.Relation.Arrow() + " " + s.Object
				if s.Doc != tt.doc || s.Quote != wantQuote || s.Rule != fmt.Sprintf("%s:%d", tt.rule, want.line) ||
					s.Method != graph.Imported || s.Confidence != 1 || !strings.HasSuffix(s.Pos.File, tt.file) {
					t.Errorf("statement %d evidence %+v", i, s)
				}
			}
			checkCausalErrs(t, err, tt.errs)
		})
	}
}

// checkCausalErrs checks that err joins exactly the expected row errors.
func checkCausalErrs(t *testing.T, err error, want []causalErr) {
	t.Helper()
	var got []error
	if err != nil {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			got = j.Unwrap()
		} else {
			got = []error{err}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d row errors, want %d: %v", len(got), len(want), err)
	}
	for i, w := range want {
		var pe *source.ParseError
		if !errors.As(got[i], &pe) || !errors.Is(got[i], w.err) {
			t.Errorf("error %d = %v, want a *ParseError wrapping %v", i, got[i], w.err)
			continue
		}
		if pe.Line != w.line || pe.Column != w.col || !strings.Contains(pe.Error(), w.msgContain) {
			t.Errorf("error %d = %q at %d:%d, want %d:%d containing %q", i, pe, pe.Line, pe.Column, w.line, w.col, w.msgContain)
		}
	}
}

var causalFatalTests = []struct {
	name, in string
	err      error
	line     int
}{
	{"empty", "", source.ErrEmpty, 1},
	{"comments only", "# nothing\n\n", source.ErrEmpty, 1},
	{"unknown header", "gene\tscore\nTNFSF11\t3\n", source.ErrMissingField, 1},
	{"unknown header after comments", "# c\n\ngene\tscore\n", source.ErrMissingField, 3},
	{"line too long", "source\tinteraction\ttarget\nA\t1\t" + strings.Repeat("B", source.DefaultMaxLine+1) + "\n", source.ErrTooLarge, 2},
}

func TestReadCausalTableFatal(t *testing.T) {
	for _, tt := range causalFatalTests {
		t.Run(tt.name, func(t *testing.T) {
			stmts, err := causal.Read(strings.NewReader(tt.in), "in.tsv", source.Limits{})
			if stmts != nil {
				t.Errorf("statements on a fatal error: %v", stmts)
			}
			var pe *source.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want a *ParseError wrapping %v", err, tt.err)
			}
			if pe.File != "in.tsv" || pe.Line != tt.line {
				t.Errorf("error at %s:%d, want in.tsv:%d", pe.File, pe.Line, tt.line)
			}
		})
	}
	// The fixture with an unknown header.
	if _, err := readCausalFixture(t, "noheader.tsv"); !errors.Is(err, source.ErrMissingField) {
		t.Errorf("noheader.tsv: %v", err)
	}
}

var causalRowTests = []struct {
	name, in string
	want     []string // triples
	errs     []causalErr
}{
	{"CRLF and BOM", "\uFEFFsource\tinteraction\ttarget\r\nA1BG\t1\tA2M\r\n", []string{"A1BG activates A2M"}, nil},
	{"header in any case and order", "Target\tSign\tSource\nA2M\t-1\tA1BG\n", []string{"A1BG inhibits A2M"}, nil},
	{"relation names", "source\tinteraction\ttarget\nA\tActivates\tB\nA\tsecretes\tB\n", []string{"A activates B", "A secretes B"}, nil},
	{"invalid UTF-8", "source\tinteraction\ttarget\nA\t1\t\xff\n", nil, []causalErr{{source.ErrInvalidUTF8, 2, 1, "invalid UTF-8"}}},
	{"empty source", "source\tinteraction\ttarget\n \t1\tB\n", nil, []causalErr{{source.ErrMissingField, 2, 1, "source"}}},
	{"empty target", "source\tinteraction\ttarget\nA\t1\t\n", nil, []causalErr{{source.ErrMissingField, 2, 5, "target"}}},
	{"COMPLEX prefix", "source\ttarget\tis_stimulation\tis_inhibition\nCOMPLEX:P1\tP2\t1\t0\n", nil, []causalErr{{causal.ErrComplex, 2, 1, "COMPLEX:P1"}}},
	{"underscore edge cases are names", "source\tinteraction\ttarget\n_A\t1\tB_\nC4B_2\t1\tA\n", []string{"_A activates B_", "C4B_2 activates A"}, nil},
	{"leading underscore complex", "source\tinteraction\ttarget\n_GRIN1_GRIN2A\t1\tA\n", nil, []causalErr{{causal.ErrComplex, 2, 1, "_GRIN1_GRIN2A"}}},
	{"OmniPath without directed column, True/False flags", "source\ttarget\tis_stimulation\tis_inhibition\nA\tB\tTrue\tFalse\n", []string{"A activates B"}, nil},
	{"OmniPath consensus only", "source\ttarget\tconsensus_stimulation\tconsensus_inhibition\nA\tB\t0\t1\n", []string{"A inhibits B"}, nil},
}

func TestReadCausalTableRows(t *testing.T) {
	for _, tt := range causalRowTests {
		t.Run(tt.name, func(t *testing.T) {
			stmts, err := causal.Read(strings.NewReader(tt.in), "in.tsv", source.Limits{})
			var got []string
			for _, s := range stmts {
				got = append(got, triple(s))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("statements %q, want %q", got, tt.want)
			}
			checkCausalErrs(t, err, tt.errs)
		})
	}
}

var copySymbol = regexp.MustCompile(`^[^_]+_[0-9]+$`)

var omnipathRef = sharedtest.Path("reference/omnipath/omnipath_carnival_signed_sif.tsv")

func TestReadCausalTableOmniPath(t *testing.T) {
	data, err := os.ReadFile(omnipathRef)
	if err != nil {
		t.Skipf("reference OmniPath table not available (%v)", err)
	}
	rows, complexes := 0, 0
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		rows++
		f := strings.Split(l, "\t")
		// Complexes join members with "_"; "C4B_2" is one HGNC symbol.
		isComplex := func(s string) bool { return strings.Contains(s, "_") && !copySymbol.MatchString(s) }
		if isComplex(f[0]) || isComplex(f[2]) {
			complexes++
		}
	}
	stmts, err := causal.Read(bytes.NewReader(data), filepath.Base(omnipathRef), source.Limits{})
	if len(stmts) != rows-complexes {
		t.Errorf("%d statements, want %d rows - %d complexes", len(stmts), rows, complexes)
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	if len(errs) != complexes {
		t.Errorf("%d row errors, want %d complexes", len(errs), complexes)
	}
	for _, e := range errs {
		if !errors.Is(e, causal.ErrComplex) {
			t.Errorf("unexpected row error %v", e)
		}
	}
	t.Logf("%d rows: %d statements, %d complexes reported", rows, len(stmts), complexes)
	// The RANKL axis. (This consensus extract has no OPG ⊣ RANKL; it has
	// RANKL → OPG.)
	want := map[string]graph.Relation{"TNFSF11 TNFRSF11A": graph.Activates, "TNFSF11 TNFRSF11B": graph.Activates}
	for _, s := range stmts {
		if r, ok := want[s.Subject+" "+s.Object]; ok && r == s.Relation {
			delete(want, s.Subject+" "+s.Object)
			if s.Doc != "omnipath_carnival_signed_sif" || !strings.HasPrefix(s.Rule, "omnipath:") {
				t.Errorf("evidence %+v", s)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v", want)
	}
	// Build keeps every statement accounted for.
	r := resolve.Default()
	_, rep, err := build.Build(source.Corpus{Statements: stmts}, r)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() || rep.Read != len(stmts) {
		t.Errorf("report %s", rep.Summary())
	}
	t.Log(rep.Summary())
}

func FuzzCausalTable(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "causal", "*.tsv"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tt := range causalRowTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		stmts, err := causal.Read(bytes.NewReader(data), "fuzz.tsv", source.Limits{})
		if err != nil {
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			for _, e := range errs {
				var pe *source.ParseError
				if !errors.As(e, &pe) || pe.Line == 0 || pe.File != "fuzz.tsv" {
					t.Fatalf("error without position: %v", e)
				}
			}
		}
		for _, s := range stmts {
			if s.Subject == "" || s.Object == "" || s.Relation.Sign() == graph.NoSign || s.Doc == "" ||
				s.Method != graph.Imported || s.Pos.Line == 0 || !strings.Contains(s.Quote, s.Relation.Arrow()) {
				t.Fatalf("bad statement %+v", s)
			}
		}
	})
}

func triple(s source.Statement) string {
	return s.Subject + " " + s.Relation.String() + " " + s.Object
}
