package resolve_test

import (
	"encoding/csv"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
)

// keptDisagreements are the rows of FamPlex's grounding map that the
// default resolver answers otherwise on purpose, by the text of the row:
// the domain lexicon's choices for the bone-metastasis literature. Two
// more kinds of disagreement are kept by rule (see disagreementKept): a
// string the map grounds to several entities (under bonemet's
// case-insensitive keys: "ER", "PDK", "p42"), which stays ambiguous, and
// a string that is the approved HGNC symbol of a gene ("FOS", "JUN",
// "MST1", "PDK1", "RHO"; "CDK1/2" is CDK12 once normalised), which names
// that gene.
var keptDisagreements = map[string]string{
	"VEGF":                               "VEGF-A in the field (the in-sample gold labels it so); FPLX:VEGF is the family",
	"vascular endothelial growth factor": "VEGF-A, as VEGF",
	"Patched":                            "PTCH1 in the bone captions (in-sample gold); FPLX:Patched is PTCH1 and PTCH2",
	"PATCHED":                            "as Patched",
	"ROS":                                "reactive oxygen species in the field; ROS1 needs its symbol or context",
	"PKM2":                               "the M2 isoform of pyruvate kinase, a product of PKM; the grounding map names both PKM (UniProt) and FPLX:PKM2, which also holds PKLR",
	"E2":                                 "17β-estradiol in the field (the pubmed-bone gold labels it so); the enzymes are \"E2 enzymes\"",
	"G alphaS":                           "GNAS, the Gαs of PTH/PTHrP receptor signalling; FPLX:G_s_alpha adds GNAL",
	"G αS":                               "as G alphaS", "G-AlphaS": "as G alphaS", "G-alpha(s)": "as G alphaS",
	"G-α(s)": "as G alphaS", "G-αS": "as G alphaS", "GalphaS": "as G alphaS", "Gs alpha": "as G alphaS",
	"Gs α": "as G alphaS", "GαS": "as G alphaS",
	"PKA C-alpha": "PRKACA, the catalytic subunit alpha (the letter names the member, see TestResolveGreekMember); the map says the PRKAC family",
	"G alphaq":    "GNAQ, as G alphaS is GNAS", "G αq": "as G alphaq", "Galphaq": "as G alphaq", "Gαq": "as G alphaq",
	"IFN-β":    "IFNB1, the only member of FPLX:IFNB; the map also grounds it to IFNB1's UniProt entry",
	"IFN-beta": "as IFN-β",
	"MTX":      "methotrexate in the field's texts (rheumatology, osteosarcoma); the map grounds it to metaxin 1",
}

// disagreementKept says why a disagreement with the grounding map is
// kept, or "".
func disagreementKept(text string, senses map[string]map[string]bool, res resolve.Result) string {
	if why, ok := keptDisagreements[text]; ok {
		return why
	}
	key := resolve.Normalize(text)
	if len(senses[key]) > 1 && res.Status == resolve.Ambiguous {
		return "the map grounds this key to several entities; it stays ambiguous"
	}
	if n, ok := res.Node(); ok && n.Kind == graph.Gene && resolve.Normalize(n.Symbol) == key {
		return "the approved HGNC symbol of " + n.Symbol
	}
	return ""
}

// groundingRow is a row of FamPlex's grounding map that names an HGNC
// gene (by symbol or by the UniProt accession of a human gene) or a
// FamPlex entity first.
type groundingRow struct {
	line       int
	text, want string
}

// groundingRows reads the rows of the grounding map that name a gene or
// a FamPlex entity, with the ID each names, and every ID the map gives
// each normalised key.
func groundingRows(t *testing.T) ([]groundingRow, map[string]map[string]bool) {
	path := sharedtest.Require(t, "reference/famplex/grounding_map.csv")
	hgnc := hgncData(t)
	bySymbol, byUniProt := map[string]string{}, map[string]string{}
	for i, line := range strings.Split(string(hgnc), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 26 {
			continue
		}
		bySymbol[f[1]] = f[0]
		for _, u := range strings.Split(strings.Trim(f[25], `"`), "|") {
			byUniProt[u] = f[0]
		}
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	cr := csv.NewReader(fh)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []groundingRow
	senses := make(map[string]map[string]bool)
	for i, r := range recs {
		if len(r) < 3 {
			continue
		}
		k := resolve.Normalize(r[0])
		if senses[k] == nil {
			senses[k] = make(map[string]bool)
		}
		senses[k][r[1]+":"+r[2]] = true
		var want string
		switch r[1] {
		case "FPLX":
			want = "FPLX:" + r[2]
		case "HGNC":
			want = bySymbol[r[2]]
		case "UP":
			want = byUniProt[r[2]]
		}
		if want != "" {
			rows = append(rows, groundingRow{line: i + 1, text: r[0], want: want})
		}
	}
	return rows, senses
}

// TestFamPlexAgreement resolves, without context, every string of
// FamPlex's grounding map that names a gene or a FamPlex entity, and
// checks that at least 95% resolve to the entity the map names; the
// disagreements kept on purpose are listed in keptDisagreements.
func TestFamPlexAgreement(t *testing.T) {
	if _, err := os.Stat(hgncFile); err != nil {
		t.Skipf("shared/reference is absent: %v", err)
	}
	rows, senses := groundingRows(t)
	r := resolve.Default()
	ok, kept := 0, 0
	var other []string
	for _, row := range rows {
		res := r.Resolve(row.text)
		if n, found := res.Node(); found && n.ID == row.want {
			ok++
			continue
		}
		var got []string
		for _, n := range res.Candidates {
			got = append(got, n.ID)
		}
		if why := disagreementKept(row.text, senses, res); why != "" {
			kept++
			t.Logf("kept: grounding_map.csv:%d %q: map %s, bonemet %v %v: %s", row.line, row.text, row.want, res.Status, got, why)
			continue
		}
		other = append(other, row.text+"\t"+row.want+"\t"+res.Status.String()+"\t"+strings.Join(got, " ")+"\t"+res.Reason)
	}
	sort.Strings(other)
	for _, o := range other {
		t.Log("disagree: " + o)
	}
	acc := float64(ok) / float64(len(rows))
	t.Logf("agreement %d/%d = %.1f%%; %d disagreements kept on purpose, %d others", ok, len(rows), 100*acc, kept, len(other))
	if acc < 0.95 {
		t.Errorf("agreement with FamPlex's grounding map %.3f, want at least 0.95", acc)
	}
}
