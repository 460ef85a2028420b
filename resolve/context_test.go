package resolve_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// iapCaption is the caption of PFOCR figure PMC3962044 F4 (seed 001).
const iapCaption = "IAP antagonists promote bone metastasis via activation of alternative NF-κB pathway. " +
	"The presence of IAP antagonists enhances the degradation of cIAP1/2, stabilizing more NIK, thereby " +
	"increasing more osteoclastogenic signaling through p52/RelB. Elevated numbers of osteoclasts provide a " +
	"favorable microenvironment for bone metastasis through release of tumor growth factors from bone matrix " +
	"and a positive feedback loop from RANKL-secreting osteoblasts. Osteoclast inhibiting agents such as " +
	"bisphosphonates can interrupt this vicious cycle, reducing the osteolytic and pro-tumor effects of IAP antagonists"

// miniHGNC holds, in the lexicon format, HGNC genes whose short aliases
// are ordinary words or abbreviations of other things, so that the
// context tests run without the full HGNC table.
const miniHGNC = "HGNC:3603\tgene\tFBN1\tfibrillin 1\tMASS|OCTD\t\t\t\t\n" +
	"HGNC:16903\tgene\tTNIP1\tTNFAIP3 interacting protein 1\tVAN|ABIN-1\t\t\t\t\n" +
	"HGNC:971\tgene\tBCAR1\tBCAR1 scaffold protein, Cas family member\tCAS|p130Cas\t\t\t\t\n" +
	"HGNC:2431\tgene\tCSE1L\tchromosome segregation 1 like\tCAS|XPO2\t\t\t\t\n" +
	"HGNC:10261\tgene\tROS1\tROS proto-oncogene 1, receptor tyrosine kinase\tROS|MCF3\t\t\t\t\n" +
	"HGNC:15476\tgene\tDYNLL1\tdynein light chain LC8-type 1\tPIN|LC8\t\t\t\t\n" +
	"HGNC:7321\tgene\tMSC\tmusculin\tABF-1\t\t\t\t\n" +
	"HGNC:3467\tgene\tESR1\testrogen receptor 1\tER|ESR\t\t\t\t\n" +
	"HGNC:1516\tgene\tCAT\tcatalase\t\t\t\t\t\n" +
	"HGNC:4187\tgene\tGC\tGC vitamin D binding protein\tDBP|VDBP\t\t\t\t\n" +
	"HGNC:2697\tgene\tDBP\tD-box binding PAR bZIP transcription factor\t\t\t\t\t\n" +
	"HGNC:1126\tgene\tBTF3P11\tbasic transcription factor 3 pseudogene 11\tOPG|OCIF\t\t\t\t\n" +
	"HGNC:18270\tgene\tHHAT\thedgehog acyltransferase\tSKI|MART2\t\t\t\t\n" +
	"HGNC:10896\tgene\tSKI\tSKI proto-oncogene\t\t\t\t\t\n" +
	"HGNC:3443\tgene\tEREG\tepiregulin\tER\t\t\t\t\n"

func contextResolver(t testing.TB) *resolve.Resolver {
	mini, err := resolve.ParseLexicon(strings.NewReader(miniHGNC), "mini.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return resolve.New(resolve.DefaultLexicon(), mini)
}

var mouse = []string{"Mus musculus"}

var resolveInTests = []struct {
	name    string
	text    string
	species []string
	status  resolve.Status
	ids     []string // the candidates, strongest first; for Ambiguous, those that must be among them
	why     string   // a part of Reason or of a Why line
}{
	// The IAP caption decides the short names of its figure.
	{"IAP", iapCaption, nil, resolve.Resolved, []string{"FPLX:BIRC"}, "cIAP"},
	{"p52", iapCaption, nil, resolve.Resolved, []string{"HGNC:7795"}, "p52/RelB"},
	{"NIK", iapCaption, nil, resolve.Resolved, []string{"HGNC:6853"}, ""},
	{"RANKL", iapCaption, nil, resolve.Resolved, []string{"HGNC:11926"}, ""},
	{"growth factors", iapCaption, nil, resolve.Resolved, []string{"FPLX:Growth_factor"}, ""},
	{"HS", iapCaption, nil, resolve.Unknown, nil, ""}, // a two-letter alias of MAP3K14, not defined here
	{"IAP", "IAP proteins block apoptosis by binding caspases.", nil, resolve.Resolved, []string{"FPLX:BIRC"}, "apopt"},
	// Definitions in the text.
	{"MSC", "Wnt drives the differentiation of MSCs. MSC, mesenchymal stem cell; OPG, osteoprotegerin.", nil, resolve.Resolved, []string{"CL:0000134"}, "mesenchymal stem cell"},
	{"OPG", "Wnt drives the differentiation of MSCs. MSC, mesenchymal stem cell; OPG, osteoprotegerin.", nil, resolve.Resolved, []string{"HGNC:11909"}, "osteoprotegerin"},
	{"ER", "Estrogen acts on osteoclasts. ER, estrogen receptor; PTH, parathyroid hormone.", nil, resolve.Resolved, []string{"HGNC:3467"}, "estrogen receptor"},
	{"DBP", "Abbreviations: DBP, serum vitamin D binding protein; RXR, retinoid X receptor.", nil, resolve.Resolved, []string{"HGNC:4187"}, "vitamin D binding"},
	{"Cas", "Cas regulates osteoclastogenesis. Cas, casticin; RANKL, receptor activator of NF-κB ligand.", nil, resolve.Resolved, []string{"CHEBI:69355"}, "casticin"},
	{"OC", "Ti particles activate osteoclasts. Ti, titanium; OC, osteoclast; TRAP, tartrate-resistant acid phosphatase.", nil, resolve.Resolved, []string{"CL:0000092"}, "osteoclast"},
	{"Osx", "the target genes Runx2, distal-less homeobox 5 (Dlx5), and osterix (Osx)", nil, resolve.Resolved, []string{"HGNC:17321"}, "osterix"},
	// Words, units and other senses.
	{"mass", "Activation of the canonical Wnt pathway increases bone mass.", nil, resolve.Unknown, nil, "English word"},
	{"van", "sclerosteosis and van Buchem disease", nil, resolve.Unknown, nil, "English word"},
	{"rank", "genes were ranked and the top rank kept", nil, resolve.Unknown, nil, "English word"},
	{"cat", "the cat sat on the mat", nil, resolve.Unknown, nil, "English word"},
	{"CAT", "antioxidant enzymes such as CAT and SOD1", nil, resolve.Resolved, []string{"HGNC:1516"}, ""},
	{"PIN", "PIN disrupts the interaction between RANKL and RANK.", nil, resolve.Unknown, nil, ""},
	{"ROS", "NBP reduces ROS and increases antioxidant enzyme levels.", nil, resolve.Resolved, []string{"CHEBI:26523"}, ""},
	{"ER", "ER stress and the unfolded protein response in the endoplasmic reticulum", nil, resolve.Unknown, nil, ""},
	{"Ski", "Smad7, Ski and SnoN repress BMP signalling.", nil, resolve.Resolved, []string{"HGNC:10896"}, ""},
	// Species.
	{"Tnfsf11", "Tnfsf11 knockout mice lack osteoclasts.", mouse, resolve.Resolved, []string{"HGNC:11926"}, "mouse"},
	{"Ctsk", "", nil, resolve.Resolved, []string{"HGNC:2536"}, "ortholog"},
	{"dkk1.L", "", []string{"Xenopus laevis"}, resolve.Resolved, []string{"HGNC:2891"}, "Xenopus"},
	{"gsk3ba", "", []string{"Danio rerio"}, resolve.Resolved, []string{"HGNC:4617"}, "zebrafish"},
	// A reading the name has without context is kept when the text does
	// not speak against it, and lost when it does.
	{"TP53", "Scheme of the pathways of osteoblast differentiation.", nil, resolve.Resolved, []string{"HGNC:11998"}, ""},
	{"MEK", "Growth factors signal through the kinase cascade to the nucleus.", nil, resolve.Resolved, []string{"FPLX:MEK"}, ""},
	{"IAP", "IAP retrotransposons are endogenous retroviral elements of the mouse genome.", nil, resolve.Unknown, nil, "retrotransposon"},
	// Without a context, the lexicon's own preferences hold.
	{"OPG", "", nil, resolve.Resolved, []string{"HGNC:11909"}, "pseudogene"},
	{"RANK/RANKL", "", nil, resolve.Resolved, []string{"HGNC:11908", "HGNC:11926"}, "slash list"},
	{"HGNC:11926", "", nil, resolve.Resolved, []string{"HGNC:11926"}, "identifier"},
	{"", "", nil, resolve.Unknown, nil, "empty"},
	{"unobtainium", iapCaption, nil, resolve.Unknown, nil, ""},
}

func TestResolveIn(t *testing.T) {
	r := contextResolver(t)
	for _, tt := range resolveInTests {
		t.Run(tt.name+"/"+firstWords(tt.text), func(t *testing.T) {
			res := r.ResolveIn(tt.name, resolve.Context{Text: tt.text, Species: tt.species})
			var ids []string
			for _, c := range res.Candidates {
				ids = append(ids, c.ID)
			}
			ok := res.Status == tt.status
			switch tt.status {
			case resolve.Resolved:
				ok = ok && slices.Equal(ids, tt.ids)
			case resolve.Ambiguous:
				for _, id := range tt.ids {
					ok = ok && slices.Contains(ids, id)
				}
			}
			if !ok {
				t.Errorf("ResolveIn(%q) = %v %v (%.2f; %s; why %q), want %v %v", tt.name, res.Status, ids, res.Score, res.Reason, res.Why, tt.status, tt.ids)
			}
			if tt.why != "" && !strings.Contains(res.Reason+"\n"+strings.Join(res.Why, "\n"), tt.why) {
				t.Errorf("ResolveIn(%q): reason %q, why %q, want a mention of %q", tt.name, res.Reason, res.Why, tt.why)
			}
			checkContextResult(t, res)
		})
	}
}

func firstWords(s string) string {
	f := strings.Fields(s)
	if len(f) > 3 {
		f = f[:3]
	}
	if len(f) == 0 {
		return "no context"
	}
	return strings.Join(f, " ")
}

// checkContextResult checks the invariants of every answer.
func checkContextResult(t *testing.T, res resolve.ContextResult) {
	t.Helper()
	if math.IsNaN(res.Score) || res.Score < 0 || res.Score > 1 {
		t.Errorf("score %v out of 0..1", res.Score)
	}
	if res.Reason == "" {
		t.Error("no reason")
	}
	switch res.Status {
	case resolve.Resolved:
		if len(res.Candidates) == 0 || len(res.Candidates) > 1 && !res.List {
			t.Errorf("resolved with %d candidates", len(res.Candidates))
		}
	case resolve.Ambiguous:
		if len(res.Candidates) < 2 {
			t.Errorf("ambiguous with %d candidates", len(res.Candidates))
		}
	case resolve.Unknown:
		if len(res.Candidates) != 0 {
			t.Errorf("unknown with candidates %v", res.Candidates)
		}
	default:
		t.Errorf("status %v", res.Status)
	}
}

// With no context, ResolveIn agrees with Resolve on the names of the
// default lexicon's tests that Resolve resolves.
func TestResolveInAgreesWithoutContext(t *testing.T) {
	r := resolve.Default()
	for _, tt := range resolveTests {
		if tt.status != resolve.Resolved {
			continue
		}
		got := r.ResolveIn(tt.name, resolve.Context{})
		want := r.Resolve(tt.name)
		if got.Status != want.Status || !slices.EqualFunc(got.Candidates, want.Candidates, func(a, b graph.Node) bool { return a.ID == b.ID }) {
			t.Errorf("%q: ResolveIn %v %v, Resolve %v %v", tt.name, got.Status, got.Candidates, want.Status, want.Candidates)
		}
	}
}

// A Scope is read once and gives the same answers from many goroutines.
func TestScopeConcurrent(t *testing.T) {
	r := contextResolver(t)
	sc := r.InContext(resolve.Context{Text: iapCaption})
	names := []string{"IAP", "p52", "NIK", "HS", "growth factors", "RANKL", "mass"}
	want := make([]resolve.ContextResult, len(names))
	for i, n := range names {
		want[i] = r.ResolveIn(n, resolve.Context{Text: iapCaption})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, n := range names {
				got := sc.Resolve(n)
				if got.Status != want[i].Status || got.Score != want[i].Score || got.Reason != want[i].Reason {
					t.Errorf("%q: %v %.3f %q, want %v %.3f %q", n, got.Status, got.Score, got.Reason, want[i].Status, want[i].Score, want[i].Reason)
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzResolveIn(f *testing.F) {
	for _, tt := range resolveInTests {
		f.Add(tt.name, tt.text)
	}
	f.Add("X (X)", "X (X) and X, X; (X) X: ,;")
	f.Add("a/b/", "(((")
	r := contextResolver(f)
	f.Fuzz(func(t *testing.T, name, text string) {
		res := r.ResolveIn(name, resolve.Context{Text: text, Species: []string{"Danio rerio"}})
		checkContextResult(t, res)
	})
}

func ExampleResolver_ResolveIn() {
	r := resolve.Default()
	caption := "The presence of IAP antagonists enhances the degradation of cIAP1/2, stabilizing NIK, " +
		"thereby increasing osteoclastogenic signaling through p52/RelB."
	for _, name := range []string{"IAP", "p52", "mass"} {
		res := r.ResolveIn(name, resolve.Context{Text: caption})
		if n, ok := res.Node(); ok {
			fmt.Printf("%s: %s %s (%.2f)\n", name, n.ID, n.Label(), res.Score)
		} else {
			fmt.Printf("%s: %v\n", name, res.Status)
		}
	}
	// Output:
	// IAP: FPLX:BIRC BIRC (0.97)
	// p52: HGNC:7795 NFKB2 (0.98)
	// mass: unknown
}

// TestInContextOf checks that a scope given the mentions of its text
// answers as one that finds them itself.
func TestInContextOf(t *testing.T) {
	r := resolve.Default()
	for _, tt := range []struct{ text, name string }{
		{"Par-4, the prostate apoptosis response-4 protein, is phosphorylated by Akt1.", "Par-4"},
		{"TRAF2 and TRAF6 bind RANK; IAP antagonists degrade cIAP1.", "IAP"},
		{"Osterix (Osx) drives osteoblast differentiation.", "Osx"},
		{"", "ER"},
	} {
		ctx := resolve.Context{Text: tt.text}
		want := r.InContext(ctx).Resolve(tt.name)
		got := r.InContextOf(ctx, r.Mentions(tt.text)).Resolve(tt.name)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q in %q: InContextOf gives %v, InContext %v", tt.name, tt.text, got, want)
		}
	}
}
