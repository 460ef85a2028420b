package gpml_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// gpmlRefDir holds the WikiPathways reference files when the shared
// reference data is present.
var gpmlRefDir = sharedtest.Path("reference/wikipathways/gpml")

// gpmlStmt is a statement as the tests expect it: "subject relation
// object", and a fragment its note must contain.
type gpmlStmt struct {
	triple, note string
}

func gpmlTriple(s source.Statement) string {
	return s.Subject + " " + s.Relation.String() + " " + s.Object
}

var gpmlFixtureTests = []struct {
	file                string
	id, revision, title string
	statements          []gpmlStmt
	other               []string // "id type"
	unplaced            []string // ids
	problems            []string // fragments, one per problem, in order
	groups              []graph.Node
	members             map[string][]string
}{
	{
		file: "anchor.gpml", id: "WP9001", revision: "42", title: "Anchor test",
		statements: []gpmlStmt{
			{"HGNC:11926 activates HGNC:11908", ""},
			{"TNFRSF11B inhibits HGNC:11908", "acts on interaction i1 (TNFSF11→TNFRSF11A)"},
			{"HGNC:11926 activates TRAF6", "branches from interaction i1 (TNFSF11→TNFRSF11A)"},
		},
	},
	{
		file: "freeline.gpml", id: "WP9002", revision: "7", title: "Free ends",
		statements: []gpmlStmt{
			{"HGNC:11926 activates HGNC:11908", ""},
			{"TNFRSF11B inhibits HGNC:11908", "acts on interaction line (TNFSF11→TNFRSF11A); end placed by position at (103,201)"},
			{"HGNC:11926 activates TRAF6", "end placed by position at (305,402)"},
			{"TNFRSF11B activates NFATC1", ""},
			{"MAP3K14 inhibits NFATC1", "acts on interaction elbow (TNFRSF11B→NFATC1); end placed by position at (698,350)"},
		},
	},
	{
		file: "nowhere.gpml", id: "nowhere", title: "Nowhere",
		other:    []string{"plain ", "binding mim-binding", "isolatedbus "},
		unplaced: []string{"free", "dangling", "onepoint", "badnumber", "frombus"},
		problems: []string{
			"nowhere.gpml:12:3: interaction end not placed: interaction free (Arrow, TNFSF11 → free end at (600,600)): target free end at (600,600) touches no node or line",
			`nowhere.gpml:30:3: interaction end not placed: interaction dangling (TBar, TNFSF11 → free end at (100,290)): target refers to unknown element "nosuchid"`,
			"nowhere.gpml:36:3: interaction end not placed: interaction onepoint has 1 points, want at least 2",
			"nowhere.gpml:41:3: interaction end not placed: interaction badnumber (Arrow, TNFSF11 → unattached end): target free end without coordinates",
			`nowhere.gpml:44:7: wrong type: X="wide" is not a number`,
			"nowhere.gpml:53:3: interaction end not placed: interaction frombus (Arrow, interaction isolatedbus → TNFRSF11A): source ends on connector isolatedbus, which joins no node",
		},
	},
	{
		file: "group.gpml", id: "WP9004", revision: "3", title: "Group test",
		statements: []gpmlStmt{
			{"MAP3K14 activates WP9004:group_grp1", ""},
			{"WP9004:group_grp1 activates Osteoclastogenesis", ""},
			{"CCL3 inhibits CHEBI:46557", ""},
			{"CHEBI:46557 activates CCL3", ""},
			{"MAP3K14 activates CHEBI:46557", ""},
		},
		groups: []graph.Node{
			{ID: "WP9004:group_grp1", Kind: graph.Group, Symbol: "NFKB2/RELB", Name: "WP9004 complex of NFKB2, RELB", Group: graph.Complex, Members: []string{"HGNC:7795"}},
			{ID: "WP9004:group_grp2", Kind: graph.Group, Name: "WP9004 empty group grp2", Group: graph.Family},
		},
		members: map[string][]string{"WP9004:group_grp1": {"HGNC:7795", "RELB"}, "WP9004:group_grp2": nil},
	},
	{
		file: "bus.gpml", id: "bus", title: "Bus test",
		statements: []gpmlStmt{
			{"HGNC:11908 activates SYK", "via connector bus,feed; start placed by position at (60,201)"},
			{"HGNC:11908 activates PTK2", "via connector bus,feed; start placed by position at (291,200)"},
		},
		other: []string{"feed ", "bus "},
	},
}

func readGPMLFixture(t testing.TB, name string) *gpml.Pathway {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gpml", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := gpml.Read(f, name, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadGPMLFixtures(t *testing.T) {
	for _, tt := range gpmlFixtureTests {
		t.Run(tt.file, func(t *testing.T) {
			p := readGPMLFixture(t, tt.file)
			if p.ID != tt.id || p.Revision != tt.revision || p.Title != tt.title || p.File != tt.file {
				t.Errorf("ID, Revision, Title, File = %q, %q, %q, %q", p.ID, p.Revision, p.Title, p.File)
			}
			if len(p.Statements) != len(tt.statements) {
				for _, s := range p.Statements {
					t.Logf("got %s (%s)", gpmlTriple(s), s.Note)
				}
				t.Fatalf("%d statements, want %d", len(p.Statements), len(tt.statements))
			}
			for i, want := range tt.statements {
				s := p.Statements[i]
				if gpmlTriple(s) != want.triple || !strings.Contains(s.Note, want.note) {
					t.Errorf("statement %d = %s (%s), want %s (%s)", i, gpmlTriple(s), s.Note, want.triple, want.note)
				}
				checkGPMLEvidence(t, p, s)
			}
			var other []string
			for _, o := range p.Other {
				other = append(other, o.ID+" "+o.Type)
			}
			if !slices.Equal(other, tt.other) {
				t.Errorf("other = %q, want %q", other, tt.other)
			}
			var unplaced []string
			for _, u := range p.Unplaced {
				unplaced = append(unplaced, u.ID)
				if u.Reason == "" {
					t.Errorf("unplaced %s without reason", u.ID)
				}
			}
			if !slices.Equal(unplaced, tt.unplaced) {
				t.Errorf("unplaced = %q, want %q", unplaced, tt.unplaced)
			}
			if len(p.Problems) != len(tt.problems) {
				t.Errorf("%d problems, want %d: %v", len(p.Problems), len(tt.problems), p.Problems)
			}
			for i, pr := range p.Problems {
				if i < len(tt.problems) && pr.Error() != tt.problems[i] {
					t.Errorf("problem %d = %q\n want %q", i, pr.Error(), tt.problems[i])
				}
				if pr.Line == 0 {
					t.Errorf("problem without position: %v", pr)
				}
			}
			checkGPMLAccount(t, p)
			if tt.groups != nil && !equalNodes(p.Nodes, tt.groups) {
				t.Errorf("groups = %+v\nwant %+v", p.Nodes, tt.groups)
			}
			for id, want := range tt.members {
				if got := p.Members[id]; !slices.Equal(got, want) {
					t.Errorf("members of %s = %q, want %q", id, got, want)
				}
			}
		})
	}
}

func equalNodes(a, b []graph.Node) bool {
	return slices.EqualFunc(a, b, func(x, y graph.Node) bool {
		return x.ID == y.ID && x.Kind == y.Kind && x.Symbol == y.Symbol && x.Name == y.Name && x.Group == y.Group &&
			slices.Equal(x.Members, y.Members) && slices.Equal(x.Xrefs, y.Xrefs)
	})
}

// checkGPMLEvidence checks the evidence fields every imported statement
// carries.
func checkGPMLEvidence(t testing.TB, p *gpml.Pathway, s source.Statement) {
	t.Helper()
	wantSection := ""
	if p.Revision != "" {
		wantSection = "r" + p.Revision
	}
	if s.Doc != p.ID || s.Section != wantSection || s.Method != graph.Imported || s.Confidence != 1 ||
		!strings.HasPrefix(s.Rule, "gpml:interaction:") || s.Pos.Line == 0 || s.Pos.File != p.File {
		t.Errorf("statement %s: evidence %+v", gpmlTriple(s), s)
	}
	if !strings.Contains(s.Quote, " "+s.Relation.Arrow()+" ") || !strings.HasSuffix(s.Quote, ")") {
		t.Errorf("statement %s: quote %q", gpmlTriple(s), s.Quote)
	}
	if s.Relation.Sign() == graph.NoSign {
		t.Errorf("statement %s without relation", gpmlTriple(s))
	}
}

// checkGPMLAccount checks that every interaction is placed, not causal or
// unplaced, exactly once.
func checkGPMLAccount(t testing.TB, p *gpml.Pathway) {
	t.Helper()
	placed := map[string]bool{}
	for _, s := range p.Statements {
		placed[strings.TrimPrefix(s.Rule, "gpml:interaction:")] = true
	}
	seen := map[string]bool{}
	for id := range placed {
		seen[id] = true
	}
	for _, o := range slices.Concat(p.Other, p.Unplaced) {
		if seen[o.ID] && o.ID != "" {
			t.Errorf("interaction %s accounted twice", o.ID)
		}
		seen[o.ID] = true
	}
	if n := len(placed) + len(p.Other) + len(p.Unplaced); n != p.Interactions {
		t.Errorf("%d placed + %d other + %d unplaced = %d, want %d interactions", len(placed), len(p.Other), len(p.Unplaced), n, p.Interactions)
	}
	unplacedProblems := 0
	for _, pr := range p.Problems {
		if errors.Is(pr, gpml.ErrUnplaced) {
			unplacedProblems++
		}
	}
	if unplacedProblems != len(p.Unplaced) {
		t.Errorf("%d unplaced problems for %d unplaced interactions", unplacedProblems, len(p.Unplaced))
	}
}

var gpmlErrorTests = []struct {
	name, in   string
	err        error
	line, col  int
	msgContain string
}{
	{"broken fixture", "@broken.gpml", source.ErrSyntax, 9, 0, "element <Graphics> closed by </Interaction>"},
	{"not a pathway", "@notgpml.gpml", gpml.ErrNotGPML, 2, 1, "root element <svg>"},
	{"empty", "", gpml.ErrNotGPML, 1, 1, "no Pathway element"},
	{"GPML 2021", "<Pathway xmlns=\"http://pathvisio.org/GPML/2021\"/>", gpml.ErrNotGPML, 1, 1, "GPML 2021"},
	{"text", "hello", gpml.ErrNotGPML, 1, 1, "no Pathway element"},
	{"unclosed", "<Pathway>\n<DataNode>", source.ErrSyntax, 2, 0, "unexpected EOF"},
	{"bad entity", "<Pathway Name=\"&bogus;\"/>", source.ErrSyntax, 1, 0, "invalid character entity"},
	{"foreign encoding", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Pathway/>", source.ErrSyntax, 1, 40, "UTF-16"},
}

func TestReadGPMLErrors(t *testing.T) {
	for _, tt := range gpmlErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			name := "input.gpml"
			if f, ok := strings.CutPrefix(tt.in, "@"); ok {
				var err error
				if in, err = os.ReadFile(filepath.Join("testdata", "gpml", f)); err != nil {
					t.Fatal(err)
				}
				name = f
			}
			p, err := gpml.Read(bytes.NewReader(in), name, source.Limits{})
			if err == nil {
				t.Fatalf("no error; pathway %s", p.Summary())
			}
			var pe *source.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) {
				t.Fatalf("error %v (%T) is not a *ParseError wrapping %v", err, err, tt.err)
			}
			if pe.File != name || pe.Line != tt.line || pe.Column != tt.col || !strings.Contains(err.Error(), tt.msgContain) {
				t.Errorf("error %q at %s:%d:%d, want %s:%d:%d containing %q", err, pe.File, pe.Line, pe.Column, name, tt.line, tt.col, tt.msgContain)
			}
		})
	}
}

func TestReadGPMLTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes MaxGPMLBytes of XML")
	}
	big := io.MultiReader(strings.NewReader("<Pathway><Comment>"), &zeros{n: source.DefaultMaxBytes})
	_, err := gpml.Read(big, "big.gpml", source.Limits{})
	if !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
}

// zeros yields n bytes of 'a'.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), z.n)
	for i := range k {
		p[i] = 'a'
	}
	z.n -= k
	return int(k), nil
}

func TestReadGPMLIDFromFileName(t *testing.T) {
	src := `<Pathway Name="x"><DataNode TextLabel="A" GraphId="a"><Graphics CenterX="0" CenterY="0" Width="10" Height="10"/></DataNode>` +
		`<DataNode TextLabel="B" GraphId="b" GroupRef="g"/><Group GroupId="g" GraphId="grp"/></Pathway>`
	for _, tt := range []struct{ file, id string }{
		{"WP4321.gpml", "WP4321"},
		{"dir/WP77_r5.gpml", "WP77"},
		{"my pathway-1.gpml", "my_pathway_1"},
		{"", "GPML"},
		{"---.gpml", "GPML"},
	} {
		p, err := gpml.Read(strings.NewReader(src), tt.file, source.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != tt.id {
			t.Errorf("file %q: ID %q, want %q", tt.file, p.ID, tt.id)
		}
		for _, n := range p.Nodes {
			if !graph.ValidID(n.ID) {
				t.Errorf("file %q: group ID %q is not a CURIE", tt.file, n.ID)
			}
		}
	}
}

func TestGPMLPathwayCorpus(t *testing.T) {
	p := readGPMLFixture(t, "group.gpml")
	c, problems := p.Corpus(resolve.Default())
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if got := c.Nodes[0].Members; !slices.Equal(got, []string{"HGNC:7795", "HGNC:9956"}) {
		t.Errorf("resolved members %q", got)
	}
	if len(p.Nodes[0].Members) != 1 {
		t.Error("Corpus modified the pathway")
	}
	g, rep, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Errorf("report does not balance: %s", rep.Summary())
	}
	// MAP3K14 → p52/RelB complex of the pathway.
	if !gpmlHasEdge(g, "HGNC:6853", "WP9004:group_grp1", graph.Activates) {
		t.Errorf("MAP3K14 → group missing; %s", rep.Summary())
	}
	if gs := g.GroupsOf("HGNC:9956"); !slices.Contains(gs, "WP9004:group_grp1") {
		t.Errorf("RELB is not a member of the group: %v", gs)
	}

	// A name the resolver cannot place is reported as a member problem.
	lex, err := resolve.NewLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	_, problems = p.Corpus(resolve.New(lex))
	if len(problems) != 2 || !errors.Is(problems[0], graph.ErrNoNode) || problems[0].Line == 0 {
		t.Errorf("problems with an empty lexicon: %v", problems)
	}
}

func TestGPMLCorpusSettlesAmbiguity(t *testing.T) {
	// Two genes share the alias TRAP; the data node's Entrez id picks one.
	lex, err := resolve.NewLexicon([]resolve.Entry{
		{Node: graph.Node{ID: "HGNC:124", Kind: graph.Gene, Symbol: "ACP5", Xrefs: []string{"NCBIGene:54"}}, Synonyms: []string{"TRAP"}},
		{Node: graph.Node{ID: "HGNC:99", Kind: graph.Gene, Symbol: "TRAP1", Xrefs: []string{"NCBIGene:10131"}}, Synonyms: []string{"TRAP"}},
		{Node: graph.Node{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.New(lex)
	if res := r.Resolve("TRAP"); res.Status != resolve.Ambiguous {
		t.Fatalf("fixture: TRAP is %v", res.Status)
	}
	src := `<Pathway Version="WP1_r1">
<DataNode TextLabel="TNFSF11" GraphId="a"><Xref Database="HGNC Accession number" ID="HGNC:11926"/></DataNode>
<DataNode TextLabel="TRAP" GraphId="b"><Xref Database="Entrez Gene" ID="54"/></DataNode>
<Interaction GraphId="i"><Graphics><Point X="0" Y="0" GraphRef="a"/><Point X="0" Y="9" GraphRef="b" ArrowHead="Arrow"/></Graphics></Interaction>
</Pathway>`
	p, err := gpml.Read(strings.NewReader(src), "x.gpml", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Xrefs["TRAP"]; !slices.Equal(got, []string{"NCBIGene:54"}) {
		t.Errorf("xrefs %v", got)
	}
	c, _ := p.Corpus(r)
	if s := c.Statements[0]; s.Object != "HGNC:124" || !strings.Contains(s.Note, "cross-reference") {
		t.Errorf("statement %s (%s)", gpmlTriple(s), s.Note)
	}
	if p.Statements[0].Object != "TRAP" {
		t.Error("Corpus modified the pathway's statements")
	}
}

// A Metabolite data node whose label reads as a gene ("AA", arachidonic
// acid, is a previous symbol of TEAD1) makes no edge: its statements are
// left out and reported. A metabolite read as a chemical stays.
func TestGPMLMetaboliteReadAsGene(t *testing.T) {
	src := `<Pathway Version="WP1_r1">
<DataNode TextLabel="AA" GraphId="a" Type="Metabolite"><Xref Database="HMDB" ID="HMDB0001043"/></DataNode>
<DataNode TextLabel="PTGS2" GraphId="b" Type="GeneProduct"/>
<DataNode TextLabel="PGE2" GraphId="c" Type="Metabolite"><Xref Database="HMDB" ID="HMDB0001220"/></DataNode>
<Interaction GraphId="i"><Graphics><Point X="0" Y="0" GraphRef="a"/><Point X="0" Y="9" GraphRef="b" ArrowHead="Arrow"/></Graphics></Interaction>
<Interaction GraphId="j"><Graphics><Point X="0" Y="0" GraphRef="b"/><Point X="0" Y="9" GraphRef="c" ArrowHead="Arrow"/></Graphics></Interaction>
</Pathway>`
	p, err := gpml.Read(strings.NewReader(src), "x.gpml", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	c, problems := p.Corpus(resolve.Default())
	var got []string
	for _, s := range c.Statements {
		got = append(got, gpmlTriple(s))
	}
	if want := []string{"PTGS2 activates PGE2"}; !slices.Equal(got, want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	if len(problems) != 1 || !errors.Is(problems[0], graph.ErrNoNode) ||
		!strings.Contains(problems[0].Error(), `metabolite "AA" reads as the gene HGNC:11714 (TEAD1); AA activates PTGS2 is left out`) {
		t.Errorf("problems %v", problems)
	}
	if len(p.Statements) != 2 {
		t.Error("Corpus modified the pathway's statements")
	}
}

func gpmlHasEdge(g *graph.Graph, from, to string, rel graph.Relation) bool {
	for _, e := range g.Out(from) {
		if e.To == to && e.Relation == rel {
			return true
		}
	}
	return false
}

func readGPMLRef(t *testing.T, wp string) *gpml.Pathway {
	t.Helper()
	f, err := os.Open(filepath.Join(gpmlRefDir, wp+".gpml"))
	if err != nil {
		t.Skipf("reference GPML not available (%v)", err)
	}
	defer f.Close()
	p, err := gpml.Read(f, wp+".gpml", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func gpmlFind(p *gpml.Pathway, triple string) (source.Statement, bool) {
	for _, s := range p.Statements {
		if gpmlTriple(s) == triple {
			return s, true
		}
	}
	return source.Statement{}, false
}

func TestReadGPMLWP2018(t *testing.T) {
	p := readGPMLRef(t, "WP2018")
	if p.ID != "WP2018" || p.Revision != "137624" || p.Title != "RANKL/RANK signaling" || p.Interactions != 103 {
		t.Errorf("header: %s", p.Summary())
	}
	checkGPMLAccount(t, p)
	for _, s := range p.Statements {
		checkGPMLEvidence(t, p, s)
	}
	t.Log(p.Summary())
	for _, want := range []gpmlStmt{
		{"TNFSF11 activates TNFRSF11A", ""},
		{"TNFSF11 activates TNFRSF11B", ""},
		// OPG's TBar ends on the RANKL→RANK line: it inhibits RANK's
		// activation by RANKL.
		{"TNFRSF11B inhibits TNFRSF11A", "acts on interaction id1743fdb1 (TNFSF11→TNFRSF11A); end placed by position at (271,362)"},
		// Branches from anchors on RANK's edges.
		{"TNFRSF11A activates TRAF3", "branches from interaction b5ce6 (TNFRSF11A→TRAF6)"},
		{"TNFRSF11A activates TRAF1", "branches from interaction b5ce6"},
		{"TNFRSF11A activates TRAF2", "branches from interaction id8cdd6c37 (TNFRSF11A→TRAF5)"},
		{"TNFRSF11A activates LYN", "branches from interaction idf4ace313 (TNFRSF11A→GAB2)"},
		// The bus from RANK.
		{"TNFRSF11A activates SYK", "via connector id8c8e6d34,ideff459f9"},
		{"TNFRSF11A activates PTK2", "via connector"},
		{"TNFRSF11A activates STAT1", "via connector"},
		{"TNFRSF11A activates PLCG1", "via connector"},
		{"TNFRSF11A activates MAP2K1", "via connector"},
		// FHL2's TBar on the RANK→TRAF6 line.
		{"FHL2 inhibits TRAF6", "acts on interaction b5ce6 (TNFRSF11A→TRAF6)"},
	} {
		s, ok := gpmlFind(p, want.triple)
		if !ok {
			t.Errorf("missing %s", want.triple)
			continue
		}
		if !strings.Contains(s.Note, want.note) {
			t.Errorf("%s: note %q lacks %q", want.triple, s.Note, want.note)
		}
	}
	s, _ := gpmlFind(p, "TNFRSF11B inhibits TNFRSF11A")
	if s.Quote != "TNFRSF11B ⊣ TNFRSF11A (TBar)" || s.Rule != "gpml:interaction:a72ab" || s.Section != "r137624" {
		t.Errorf("OPG statement %+v", s)
	}
	if len(p.Nodes) != 13 {
		t.Errorf("%d groups, want 13", len(p.Nodes))
	}
	// Through the default resolver OPG ends up inhibiting RANK.
	c, _ := p.Corpus(resolve.Default())
	g, rep, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Errorf("report does not balance: %s", rep.Summary())
	}
	if !gpmlHasEdge(g, "HGNC:11909", "HGNC:11908", graph.Inhibits) || !gpmlHasEdge(g, "HGNC:11926", "HGNC:11908", graph.Activates) {
		t.Errorf("OPG ⊣ RANK or RANKL → RANK missing; %s", rep.Summary())
	}
}

func TestReadGPMLWP12(t *testing.T) {
	p := readGPMLRef(t, "WP12")
	checkGPMLAccount(t, p)
	if p.Interactions != 13 || len(p.Unplaced) != 0 {
		t.Errorf("%s", p.Summary())
	}
	t.Log(p.Summary())
	for _, want := range []string{"OPG inhibits RANK ligand", "RANK ligand activates RANK", "RANK activates AIMP2", "RANK activates MAPK8"} {
		if _, ok := gpmlFind(p, want); !ok {
			t.Errorf("missing %s", want)
		}
	}
	c, _ := p.Corpus(resolve.Default())
	g, _, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !gpmlHasEdge(g, "HGNC:11909", "HGNC:11926", graph.Inhibits) || !gpmlHasEdge(g, "HGNC:11926", "HGNC:11908", graph.Activates) {
		t.Error("OPG ⊣ RANKL or RANKL → RANK missing")
	}
}

// TestReadGPMLAllHuman reads every human pathway of the reference set:
// none fails, every interaction is accounted for, and reading is
// deterministic.
func TestReadGPMLAllHuman(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 80 MB of GPML")
	}
	files, _ := filepath.Glob(filepath.Join(gpmlRefDir, "*.gpml"))
	if len(files) == 0 {
		t.Skip("reference GPML not available")
	}
	start := time.Now()
	var interactions, placed, statements, other, unplaced int
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := gpml.Read(bytes.NewReader(data), filepath.Base(file), source.Limits{})
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		checkGPMLAccount(t, p)
		if i%20 == 0 {
			again, _ := gpml.Read(bytes.NewReader(data), filepath.Base(file), source.Limits{})
			if !slices.EqualFunc(p.Statements, again.Statements, func(a, b source.Statement) bool { return a == b }) {
				t.Errorf("%s: two reads differ", file)
			}
		}
		rules := map[string]bool{}
		for _, s := range p.Statements {
			rules[s.Rule] = true
		}
		interactions += p.Interactions
		placed += len(rules)
		statements += len(p.Statements)
		other += len(p.Other)
		unplaced += len(p.Unplaced)
	}
	t.Logf("%d pathways in %v: %d interactions: %d placed (%d statements), %d not causal, %d unplaced",
		len(files), time.Since(start).Round(time.Millisecond), interactions, placed, statements, other, unplaced)
}

func FuzzGPML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "gpml", "*.gpml"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<Pathway><Interaction><Graphics><Point X="1e308" Y="-1e308"/><Point X="NaN" Y="Inf" ArrowHead="TBar"/><Anchor GraphId=""/></Graphics></Interaction></Pathway>`))
	r := resolve.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := gpml.Read(bytes.NewReader(data), "fuzz.gpml", source.Limits{})
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) || pe.Line == 0 {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		checkGPMLAccount(t, p)
		for _, s := range p.Statements {
			checkGPMLEvidence(t, p, s)
			if s.Subject == "" || s.Object == "" {
				t.Fatalf("statement without subject or object: %+v", s)
			}
		}
		for _, n := range p.Nodes {
			if !graph.ValidID(n.ID) {
				t.Fatalf("group ID %q", n.ID)
			}
		}
		c, _ := p.Corpus(r)
		if _, rep, err := build.Build(c, r); err != nil || !rep.Balanced() {
			t.Fatalf("Build: %v", err)
		}
		_ = p.Summary()
	})
}
