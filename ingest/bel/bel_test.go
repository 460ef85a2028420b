package bel_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bonemet/bonemet/internal/textdiff"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/source"
)

// wantErr is an error as the tests expect it: "line:col+len", the
// sentinel it wraps and a part of its message.
type wantErr struct {
	at  string
	err error
	msg string
}

// fixture is a BEL file of testdata and what Read must make of it.
type fixture struct {
	file  string
	read  int      // statements read
	docs  []string // see docLine
	stmts []string // see stmtLine
	skips []string // see skipLine
	errs  []wantErr
	// notes maps a statement's line to a part of its Note.
	notes map[int]string
	// texts maps "doc evidence-n" to the section's text.
	texts map[string]string
	props map[string]string
}

var fixtures = []fixture{
	{
		file: "openbel.bel", read: 14,
		docs: []string{
			"PMID:90000001 | Journal of Synthetic Bone Research | Rivera AM et al. Journal of Synthetic Bone Research. 2001 | evidence-1@15 evidence-2@24",
			"PMID:90000002 | Synthetic Reviews in Oncology | Dubois M. Synthetic Reviews in Oncology. | evidence-1@34",
		},
		stmts: []string{
			"20:1 TNFSF11 activates osteoclast differentiation | PMID:90000001 evidence-1 | bel:increases",
			"21:1 TNFSF11 activates TNFRSF11A | PMID:90000001 evidence-1 | bel:directlyIncreases",
			"22:1 TNFSF11 activates TNFRSF11A | PMID:90000001 evidence-1 | bel:increases",
			"25:1 TNFRSF11B inhibits TNFSF11 | PMID:90000001 evidence-2 | bel:decreases",
			"26:1 TNFRSF11B inhibits TNFSF11 | PMID:90000001 evidence-2 | bel:directlyDecreases",
			"30:1 TNFSF11 activates ACP5 | PMID:90000001 evidence-1 | bel:increases",
			"37:1 zoledronic acid inhibits Bone Resorption | PMID:90000002 evidence-1 | bel:decreases",
			"38:1 CHEBI:46557 inhibits Osteolysis | PMID:90000002 evidence-1 | bel:decreases",
			"39:1 Bisphosphonate, synthetic inhibits bone metastasis | PMID:90000002 evidence-1 | bel:decreases",
			"40:1 BEL:AKT Family activates BEL:Nfkb Complex | PMID:90000002 evidence-1 | bel:increases",
			"41:1 NCBIGene:8600 activates UniProt:O14788 | PMID:90000002 evidence-1 | bel:increases",
			"42:1 LOCAL:osteoclast factor activates NFATC1 | PMID:90000002 evidence-1 | bel:increases",
			"44:1 CTSK inhibits COL1A1 | PMID:90000002 evidence-1 | bel:increases",
		},
		skips: []string{"27:1 not causal [positiveCorrelation] not causal (positiveCorrelation) | PMID:90000001 evidence-2"},
		notes: map[int]string{
			20: `p(HGNC:TNFSF11) increases bp(GOBP:"osteoclast differentiation")`,
			21: "; comment: a made-up remark",
			30: "; mouse gene Tnfsf11 read as human TNFSF11; rat gene Acp5 read as human ACP5",
			42: "; translocation (tloc) read as NFATC1",
			44: "; degradation: deg(p(HGNC:COL1A1)) read as COL1A1, sign flipped",
		},
		texts: map[string]string{
			"PMID:90000001 evidence-1": "Tumour cells raised RANKL on osteoblasts, and RANKL drove osteoclast formation in a synthetic model.",
			"PMID:90000001 evidence-2": "Osteoprotegerin, a decoy receptor, blocked RANKL.",
		},
		props: map[string]string{"Name": "Synthetic bone corpus", "Version": "20240101", "Authors": "A Curator, B Curator"},
	},
	{
		file: "pybel.bel", read: 9,
		docs: []string{
			"PMID:90000003 |  | PMID:90000003 | evidence-1@10",
			"BEL:DOI:10.5555/synthetic.2020.7 |  | BEL:DOI:10.5555/synthetic.2020.7 | evidence-1@23",
		},
		stmts: []string{
			"12:1 SOST inhibits LRP5 | PMID:90000003 evidence-1 | bel:-|",
			"14:1 SOST activates negative regulation of ossification | PMID:90000003 evidence-1 | bel:=>",
			"15:1 SOST inhibits CTNNB1 | PMID:90000003 evidence-1 | bel:=|",
			"16:1 CTNNB1 activates TNFRSF11B | PMID:90000003 evidence-1 | bel:->",
			"17:1 LRP5 activates CTNNB1 | PMID:90000003 evidence-1 | bel:->",
			"18:1 AKT1 activates UniProt:P31749 | PMID:90000003 evidence-1 | bel:->",
			"24:1 denosumab inhibits TNFSF11 | BEL:DOI:10.5555/synthetic.2020.7 evidence-1 | bel:-|",
		},
		skips: []string{
			"19:1 not causal [cnc] not causal (cnc) | PMID:90000003 evidence-1",
			"26:1 no evidence set [->] no evidence set | ",
		},
		notes: map[int]string{17: "; protein modification: p(HGNC:LRP5, pmod(Ph, Ser, 1490)) read as LRP5"},
		texts: map[string]string{
			"PMID:90000003 evidence-1":                    `In synthetic mice, sclerostin "SOST" held back Wnt signalling, and its loss raised bone mass.`,
			"BEL:DOI:10.5555/synthetic.2020.7 evidence-1": "Denosumab lowered RANKL activity in a synthetic trial.",
		},
		props: map[string]string{"Name": "Synthetic PyBEL export", "Version": "0.1.0"},
	},
	{
		file: "terms.bel", read: 32,
		docs: []string{"PMID:90000004 |  | PMID:90000004 | evidence-1@2"},
		stmts: termStatements("PMID:90000004 evidence-1", []string{
			"3 RUNX2 activates SP7 increases", "4 MIR21 inhibits PDCD4 decreases",
			"5 Bone Neoplasms activates osteolysis increases", "6 RUNX2 activates BGLAP increases",
			"7 CTSK inhibits collagen decreases", "8 HSPA1A activates RUNX2 increases",
			"9 RAC1 activates bone resorption increases", "10 CASP3 activates apoptotic process increases",
			"11 PTPN11 inhibits SRC decreases", "12 PARP1 activates DNA repair increases",
			"13 SLC4A2 activates bone resorption increases", "14 TNFRSF11A activates BEL:Nfkb Complex increases",
			"15 NFATC1 activates ACP5 increases", "16 SRC activates SRC increases",
			"17 EWSR1 activates NR0B1 increases", "18 COL1A1 activates ossification increases",
			"19 TNFRSF11A activates Osteolysis increases", "20 TNFSF11 activates osteoclast differentiation increases",
			"21 TNFSF11 activates TNFRSF11A increases", "22 NFATC1 activates ACP5 increases",
			"23 TRAF3 inhibits NFKB2 increases", "24 CBLB inhibits TRAF3 increases",
			"25 TRAF3 activates NFKB2 increases",
		}),
		skips: []string{
			"26:1 anonymous complex [increases] anonymous complex | PMID:90000004 evidence-1",
			"27:1 composite [increases] composite | PMID:90000004 evidence-1",
			"28:1 list [increases] list | PMID:90000004 evidence-1",
			"29:1 reaction [increases] reaction | PMID:90000004 evidence-1",
			"30:1 nested statement [increases] nested statement | PMID:90000004 evidence-1",
			"31:1 not causal [hasComponent] not causal (hasComponent) | PMID:90000004 evidence-1",
			"32:1 term only [] term only (no relation) | PMID:90000004 evidence-1",
			"33:1 anonymous complex [increases] anonymous complex | PMID:90000004 evidence-1",
			"34:1 not causal [positiveCorrelation] not causal (positiveCorrelation) | PMID:90000004 evidence-1",
		},
		notes: map[int]string{
			14: `act(p(HGNC:TNFRSF11A), ma(kin)) increases tscript(complex(SCOMP:"Nfkb Complex"))`,
			16: "; substitution: p(HGNC:SRC, sub(Y, 527, F)) read as SRC",
			17: `; fusion: p(fus(HGNC:EWSR1, "r.1_1364", HGNC:FLI1, "r.1055_3114")) read as EWSR1`,
			18: `; fragment: p(HGNC:COL1A1, frag("1_100")) read as COL1A1`,
			19: `; variant: g(HGNC:TNFRSF11A, var("c.84dupG")) read as TNFRSF11A`,
			20: "; translocation (sec) read as TNFSF11",
			21: "; translocation (surf) read as TNFSF11",
			22: "; translocation (tloc) read as NFATC1",
			23: "; degradation: deg(p(HGNC:TRAF3)) read as TRAF3, sign flipped",
			24: "; degradation: degradation(p(HGNC:TRAF3)) read as TRAF3, sign flipped",
			25: "read as TRAF3, sign flipped; degradation: deg(p(HGNC:NFKB2)) read as NFKB2, sign flipped",
		},
	},
	{
		file: "structure.bel", read: 9,
		docs: []string{
			"PMID:90000005 |  | PMID:90000005 | evidence-1@8 evidence-2@19",
			"PMID:90000006 |  | PMID:90000006 | evidence-1@15",
			"BEL:Online Resource:https://example.org/wiki/rankl | Synthetic wiki | Synthetic wiki. | evidence-1@22",
		},
		stmts: []string{
			"10:1 TNFSF11 activates TNFRSF11A | PMID:90000005 evidence-1 | bel:increases",
			"17:1 CSF1 activates CSF1R | PMID:90000006 evidence-1 | bel:increases",
			"20:1 CSF1 activates CSF1R | PMID:90000005 evidence-2 | bel:increases",
			"23:1 TNFSF11 activates TNFRSF11A | BEL:Online Resource:https://example.org/wiki/rankl evidence-1 | bel:increases",
		},
		skips: []string{
			"2:1 no evidence set [increases] no evidence set | ",
			"4:1 no citation set [increases] no citation set | ",
			"6:1 no evidence set [increases] no evidence set | ",
			"14:1 no evidence set [increases] no evidence set | ",
			"25:1 no evidence set [increases] no evidence set | ",
		},
		notes: map[int]string{10: "p(HGNC:TNFSF11) increases p(HGNC:TNFRSF11A); comment: a trailing comment"},
		texts: map[string]string{
			"PMID:90000005 evidence-1": `A "quoted" word, a # hash and a second line.`,
			"PMID:90000006 evidence-1": "Evidence set before its citation.",
			"PMID:90000005 evidence-2": "A second excerpt of the first paper.",
		},
	},
	{
		file: "errors.bel", read: 15,
		docs: []string{
			"PMID:90000007 |  | PMID:90000007 | evidence-1@2",
			"PMID:90000008 |  | PMID:90000008 | evidence-1@18",
		},
		stmts: []string{"19:1 TNFSF11 activates TNFRSF11A | PMID:90000008 evidence-1 | bel:increases"},
		skips: []string{
			"3:1 error [] unknown namespace: \"FOO\" (neither defined by DEFINE NAMESPACE nor a common one) | PMID:90000007 evidence-1",
			"4:1 error [] syntax error: unbalanced parentheses: this ( is never closed | PMID:90000007 evidence-1",
			"5:1 error [] syntax error: unbalanced parentheses: this ) closes nothing | PMID:90000007 evidence-1",
			"6:1 error [activatez] unknown relation: \"activatez\" | PMID:90000007 evidence-1",
			"7:1 error [] unknown BEL function: q() | PMID:90000007 evidence-1",
			"8:1 error [] syntax error: unclosed quote | PMID:90000007 evidence-1",
			"9:1 error [increases] syntax error: p() wants NS:name, not a name without namespace | PMID:90000007 evidence-1",
			"10:1 error [] syntax error: want a term like p(HGNC:AKT1), found \"HGNC:TNFSF11\" | PMID:90000007 evidence-1",
			"11:1 error [] syntax error: missing object after increases | PMID:90000007 evidence-1",
			"12:1 error [] syntax error: unexpected text after the statement | PMID:90000007 evidence-1",
			"14:1 invalid citation or evidence [increases] the citation set at line 13 is invalid | ",
			"17:1 invalid citation or evidence [increases] the evidence set at line 16 is invalid | ",
			"22:1 invalid citation or evidence [increases] the citation set at line 21 is invalid | ",
			"25:1 invalid citation or evidence [increases] the citation set at line 21 is invalid | ",
		},
		errs: []wantErr{
			{"3:3+3", bel.ErrUnknownNamespace, `"FOO"`},
			{"4:28+1", source.ErrSyntax, "this ( is never closed"},
			{"5:16+1", source.ErrSyntax, "this ) closes nothing"},
			{"6:17+9", source.ErrUnknownRelation, `"activatez"`},
			{"7:1+1", bel.ErrUnknownFunction, "q()"},
			{"8:8+1", source.ErrSyntax, "unclosed quote"},
			{"9:3+7", source.ErrSyntax, "not a name without namespace"},
			{"10:1+12", source.ErrSyntax, "want a term like"},
			{"11:17+9", source.ErrSyntax, "missing object after increases"},
			{"12:45+9", source.ErrSyntax, "unexpected text after the statement"},
			{"13:16+1", source.ErrSyntax, `PubMed reference "not-a-number" is not a number`},
			{"16:16+1", source.ErrWrongType, "not a list"},
			{"20:18+1", source.ErrSyntax, "want a name after DEFINE NAMESPACE"},
			{"21:16+1", source.ErrWrongType, "SET Citation wants a list"},
			{"23:6+1", source.ErrSyntax, "want a name or {names} after UNSET"},
			{"24:16+1", source.ErrSyntax, "unclosed quote"},
		},
	},
}

// termStatements expands "line subject relation object written" rows of
// one section.
func termStatements(where string, rows []string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		f := strings.Fields(r)
		line, written := f[0], f[len(f)-1]
		out[i] = fmt.Sprintf("%s:1 %s | %s | bel:%s", line, strings.Join(f[1:len(f)-1], " "), where, written)
	}
	return out
}

func stmtLine(s source.Statement) string {
	return fmt.Sprintf("%d:%d %s %v %s | %s %s | %s", s.Pos.Line, s.Pos.Column, s.Subject, s.Relation, s.Object, s.Doc, s.Section, s.Rule)
}

func skipLine(k bel.Skip) string {
	return fmt.Sprintf("%d:%d %v [%s] %s | %s", k.Pos.Line, k.Pos.Column, k.Kind, k.Relation, k.Reason, strings.TrimSpace(k.Doc+" "+k.Section))
}

func docLine(d *source.Document) string {
	var secs []string
	for _, s := range d.Sections {
		secs = append(secs, fmt.Sprintf("%s@%d", s.Name, s.Pos.Line))
	}
	return fmt.Sprintf("%s | %s | %s | %s", d.ID, d.Title, d.Citation, strings.Join(secs, " "))
}

// errs returns the errors joined in err.
func errs(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func readFixture(t testing.TB, name string, lim source.Limits) (*bel.Script, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return bel.Read(f, name, lim)
}

func TestReadFixtures(t *testing.T) {
	for _, tt := range fixtures {
		t.Run(tt.file, func(t *testing.T) {
			s, err := readFixture(t, tt.file, source.Limits{})
			var docs, stmts, skips []string
			for _, d := range s.Documents {
				docs = append(docs, docLine(d))
			}
			for _, st := range s.Statements {
				stmts = append(stmts, stmtLine(st))
			}
			for _, k := range s.NotCausal {
				skips = append(skips, skipLine(k))
			}
			if d := textdiff.Lines(tt.docs, docs); d != "" {
				t.Errorf("documents (-want +got):\n%s", d)
			}
			if d := textdiff.Lines(tt.stmts, stmts); d != "" {
				t.Errorf("statements (-want +got):\n%s", d)
			}
			if d := textdiff.Lines(tt.skips, skips); d != "" {
				t.Errorf("skips (-want +got):\n%s", d)
			}
			checkErrs(t, err, tt.errs)
			if s.Read != tt.read || !s.Balanced() || len(tt.stmts)+len(tt.skips) != tt.read {
				t.Errorf("read %d statements, want %d; balanced %v", s.Read, tt.read, s.Balanced())
			}
			checkStatements(t, s, tt.file)
			for line, want := range tt.notes {
				if st := statementAt(s, line); st == nil || !strings.Contains(st.Note, want) {
					t.Errorf("note of line %d = %q, want it to contain %q", line, note(st), want)
				}
			}
			for key, want := range tt.texts {
				if got := sectionText(s, key); got != want {
					t.Errorf("section %s = %q, want %q", key, got, want)
				}
			}
			if tt.props != nil && fmt.Sprint(s.Properties) != fmt.Sprint(tt.props) {
				t.Errorf("properties %v, want %v", s.Properties, tt.props)
			}
		})
	}
}

func statementAt(s *bel.Script, line int) *source.Statement {
	for i := range s.Statements {
		if s.Statements[i].Pos.Line == line {
			return &s.Statements[i]
		}
	}
	return nil
}

func note(st *source.Statement) string {
	if st == nil {
		return "<no statement>"
	}
	return st.Note
}

func sectionText(s *bel.Script, key string) string {
	id, name, _ := strings.Cut(key, " ")
	for _, d := range s.Documents {
		if d.ID == id {
			sec, _ := d.Section(name)
			return sec.Text
		}
	}
	return ""
}

// checkStatements checks what every statement must hold: its quote is
// its section's text, read at or after the section's first place and
// before the statement, the evidence fields are those of an import, the
// note starts with the statement.
func checkStatements(t *testing.T, s *bel.Script, file string) {
	t.Helper()
	docs := map[string]*source.Document{}
	for _, d := range s.Documents {
		docs[d.ID] = d
		if d.File != file {
			t.Errorf("document %s file %q", d.ID, d.File)
		}
	}
	for _, st := range s.Statements {
		d := docs[st.Doc]
		if d == nil {
			t.Errorf("%s: unknown document %q", st.Pos, st.Doc)
			continue
		}
		sec, ok := d.Section(st.Section)
		if !ok || sec.Text != st.Quote || sec.Pos.Line > st.QuotePos.Line || st.QuotePos.Line >= st.Pos.Line || st.Start != 0 || st.End != len(st.Quote) ||
			st.Method != graph.Imported || st.Confidence != 1 || !strings.HasPrefix(st.Rule, "bel:") ||
			st.Pos.File != file || st.Subject == "" || st.Object == "" || st.Note == "" ||
			(st.Relation != graph.Activates && st.Relation != graph.Inhibits) {
			t.Errorf("%s: statement %+v (section %+v)", st.Pos, st, sec)
		}
	}
}

// checkErrs checks that err joins exactly the expected errors, each a
// *ParseError whose ErrorWithPosition shows its line with a caret.
func checkErrs(t *testing.T, err error, want []wantErr) {
	t.Helper()
	got := errs(err)
	var gotAt, wantAt []string
	for _, e := range got {
		var pe *source.ParseError
		if !errors.As(e, &pe) {
			t.Errorf("error %v is not a *source.ParseError", e)
			continue
		}
		gotAt = append(gotAt, fmt.Sprintf("%d:%d+%d", pe.Line, pe.Column, pe.Len))
	}
	for _, w := range want {
		wantAt = append(wantAt, w.at)
	}
	if d := textdiff.Lines(wantAt, gotAt); d != "" {
		t.Errorf("error positions (-want +got):\n%s\nerrors: %v", d, err)
		return
	}
	for i, w := range want {
		var pe *source.ParseError
		errors.As(got[i], &pe)
		if !errors.Is(got[i], w.err) || !strings.Contains(pe.Error(), w.msg) {
			t.Errorf("error %d = %q, want one wrapping %q containing %q", i, pe, w.err, w.msg)
		}
		checkCaret(t, pe)
	}
}

// checkCaret checks that ErrorWithPosition shows the offending line and
// a caret under the column at fault.
func checkCaret(t *testing.T, pe *source.ParseError) {
	t.Helper()
	ewp := pe.ErrorWithPosition()
	lines := strings.Split(ewp, "\n")
	if pe.Text == "" || len(lines) != 4 || lines[0] != pe.Error() || lines[1] != "" {
		t.Errorf("ErrorWithPosition of %q shows no line:\n%s", pe, ewp)
		return
	}
	bar := strings.Index(lines[2], " | ")
	if bar < 0 || len(lines[3]) < bar+3 || lines[3][bar:bar+3] != " | " {
		t.Errorf("ErrorWithPosition of %q:\n%s", pe, ewp)
		return
	}
	shown, marks := lines[2][bar+3:], lines[3][bar+3:]
	caret := strings.IndexByte(marks, '^')
	if caret < 0 || strings.Trim(marks, " ^") != "" {
		t.Errorf("no caret under %q:\n%s", pe, ewp)
		return
	}
	if len(pe.Text) > 150 {
		return // cut around the column
	}
	valid := func(s string) string { return strings.ToValidUTF8(strings.ReplaceAll(s, "\t", " "), "\uFFFD") }
	want := utf8.RuneCountInString(valid(pe.Text[:min(pe.Column-1, len(pe.Text))]))
	if shown != valid(pe.Text) || caret != want {
		t.Errorf("caret of %q at %d, want %d under %q:\n%s", pe, caret, want, pe.Text, ewp)
	}
}

// controlTests are small scripts for the SET, UNSET and DEFINE variants
// the fixtures do not show.
var controlTests = []struct {
	name  string
	in    string
	stmts []string // see stmtLine
	skips []string // see skipLine
	errs  []wantErr
}{
	{
		name:  "BEL 2 SET Support, a PMID: prefix, lower-case keywords",
		in:    "set Citation = {\"PubMed\", \"PMID:42\"}\nset Support = \"s\"\np(HGNC:A) -> p(HGNC:B)\n",
		stmts: []string{"3:1 A activates B | PMID:42 evidence-1 | bel:->"},
	},
	{
		name:  "an evidence without quotes",
		in:    "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = RANKL acts\np(HGNC:A) -> p(HGNC:B)\n",
		stmts: []string{"3:1 A activates B | PMID:1 evidence-1 | bel:->"},
	},
	{
		name:  "an empty evidence unsets it",
		in:    ctx + "SET Evidence = \"\"\np(HGNC:A) -> p(HGNC:B)\n",
		skips: []string{"4:1 no evidence set [->] no evidence set | "},
	},
	{
		name: "UNSET {Evidence}, UNSET Citation keeps unused evidence",
		in: ctx + "UNSET {Evidence}\np(HGNC:A) -> p(HGNC:B)\nSET Evidence = \"e\"\nUNSET Citation\n" +
			"SET Citation = {\"PubMed\", \"2\"}\np(HGNC:A) -> p(HGNC:B)\n",
		stmts: []string{"8:1 A activates B | PMID:2 evidence-1 | bel:->"},
		skips: []string{"4:1 no evidence set [->] no evidence set | "},
	},
	{
		name:  "a citation set again is the same document",
		in:    ctx + "p(HGNC:A) -> p(HGNC:B)\nSET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"Made up.\"\np(HGNC:A) -> p(HGNC:B)\n",
		stmts: []string{"3:1 A activates B | PMID:1 evidence-1 | bel:->", "6:1 A activates B | PMID:1 evidence-1 | bel:->"},
	},
	{
		name:  "DEFINE DEFAULT NAMESPACE is read; names without namespace are still errors",
		in:    "DEFINE DEFAULT NAMESPACE AS LIST {\"A\", \"B\"}\n" + ctx + "p(A) -> p(HGNC:B)\n",
		skips: []string{"4:1 error [->] syntax error: p() wants NS:name, not a name without namespace | PMID:1 evidence-1"},
		errs:  []wantErr{{"4:3+1", source.ErrSyntax, "without namespace"}},
	},
	{
		name: "errors in SET, UNSET and DEFINE",
		in: "SET = 1\nSET X 1\nSET X = {\"a\" \"b\"}\nSET X = {\"a\",\nUNSET X Y\nDEFINE THING X AS URL \"u\"\n" +
			"DEFINE NAMESPACE X IS URL \"u\"\nDEFINE NAMESPACE X AS FILE \"u\"\nSET DOCUMENT = 1\nSET X = \"a\" b\n" +
			"SET Citation = {\"PubMed\"}\nSET Citation = {\"\", \"1\"}\n",
		errs: []wantErr{
			{"1:5+1", source.ErrSyntax, "want a name after SET"},
			{"2:7+1", source.ErrSyntax, "want = after SET X"},
			{"3:14+1", source.ErrSyntax, "want , or } in the list"},
			{"4:9+1", source.ErrSyntax, "unclosed {"},
			{"5:9+1", source.ErrSyntax, "unexpected text after UNSET X"},
			{"6:8+5", source.ErrSyntax, "want DEFINE NAMESPACE or DEFINE ANNOTATION"},
			{"7:20+2", source.ErrSyntax, "want AS after DEFINE NAMESPACE X"},
			{"8:23+4", source.ErrSyntax, "want URL, LIST or PATTERN after AS"},
			{"9:14+1", source.ErrSyntax, "want a property name after SET DOCUMENT"},
			{"10:13+1", source.ErrSyntax, "unexpected text after the value"},
			{"11:16+1", source.ErrMissingField, "needs a type and a reference"},
			{"12:16+1", source.ErrMissingField, "needs a type and a reference"},
		},
	},
}

func TestReadControl(t *testing.T) {
	for _, tt := range controlTests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := bel.Read(strings.NewReader(tt.in), "in.bel", source.Limits{})
			var stmts, skips []string
			for _, st := range s.Statements {
				stmts = append(stmts, stmtLine(st))
			}
			for _, k := range s.NotCausal {
				skips = append(skips, skipLine(k))
			}
			if d := textdiff.Lines(tt.stmts, stmts); d != "" {
				t.Errorf("statements (-want +got):\n%s", d)
			}
			if d := textdiff.Lines(tt.skips, skips); d != "" {
				t.Errorf("skips (-want +got):\n%s", d)
			}
			checkErrs(t, err, tt.errs)
			if !s.Balanced() {
				t.Errorf("not balanced: %s", s.Summary())
			}
		})
	}
}
