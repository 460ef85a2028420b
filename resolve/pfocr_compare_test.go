package resolve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// pfocrMatch is one gene PFOCR found in a figure, as bonemet sees it.
type pfocrMatch struct {
	symbol, id string
	word       string // the word it was read from: a gold mention or a caption word; "" if neither
	accepted   bool   // bonemet resolves the word (or a caption mention) to this gene or a group of it
	reason     string
	gold       int // +1 a true match, -1 a false one (by the gold labels), 0 not judged
	fanOut     bool
}

// compareTally counts the comparison of one or all records.
type compareTally struct {
	pfocr, agree, rejected, figureOnly, bonemetOnly      int
	falseN, falseRejected, hardFalseN, hardFalseRejected int
	trueN, trueAccepted                                  int
}

func (a *compareTally) add(b compareTally) {
	a.pfocr += b.pfocr
	a.agree += b.agree
	a.rejected += b.rejected
	a.figureOnly += b.figureOnly
	a.bonemetOnly += b.bonemetOnly
	a.falseN += b.falseN
	a.falseRejected += b.falseRejected
	a.hardFalseN += b.hardFalseN
	a.hardFalseRejected += b.hardFalseRejected
	a.trueN += b.trueN
	a.trueAccepted += b.trueAccepted
}

// pfocrGenes returns the HGNC symbols PFOCR gives a record: its gene
// annotations (shape B) or, for records with keywords only (shape A), the
// keywords that are approved HGNC symbols as written.
func pfocrGenes(d *source.Document, symbols map[string]string) []string {
	var out []string
	for _, a := range d.Annotations {
		if a.Kind == source.AnnotGene && a.Symbol != "" && !slices.Contains(out, a.Symbol) {
			out = append(out, a.Symbol)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, k := range d.Keywords {
		if _, ok := symbols[k]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// accepts reports whether a result names the gene, itself or as a member
// of a group it resolves to.
func accepts(r *resolve.Resolver, res resolve.ContextResult, id string) bool {
	if res.Status != resolve.Resolved {
		return false
	}
	for _, n := range res.Candidates {
		if n.ID == id || n.Kind == graph.Group && slices.Contains(n.Members, id) {
			return true
		}
	}
	return false
}

// captionWord returns a whole-word occurrence in text, as written, of one
// of the entry's symbols or aliases (compared in lower case), or "".
func captionWord(text string, e resolve.Entry) string {
	names := append([]string{e.Node.Symbol}, e.Synonyms...)
	names = append(names, e.Previous...)
	lower := strings.ToLower(text)
	for _, n := range names {
		if len(n) < 2 || strings.ContainsRune(n, ' ') {
			continue
		}
		ln := strings.ToLower(n)
		for from := 0; ; {
			i := strings.Index(lower[from:], ln)
			if i < 0 {
				break
			}
			at := from + i
			end := at + len(ln)
			if (at == 0 || !isWordByte(lower[at-1])) && (end == len(lower) || !isWordByte(lower[end])) {
				return text[at:end]
			}
			from = at + 1
		}
	}
	return ""
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// TestComparePFOCR reads each PFOCR bone record's title and caption with
// Mentions and ResolveIn, and compares what bonemet finds with PFOCR's
// own gene list; false and true matches are judged by the gold labels of
// testdata/resolve_gold.tsv. It logs a table and fails only when fewer
// than 80% of the gold-judged false matches are rejected.
func TestComparePFOCR(t *testing.T) {
	dir := sharedtest.Require(t, "corpus/pfocr-bone")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	sharedtest.Require(t, "reference/hgnc/hgnc_complete_set.txt") // PFOCR's genes are looked up in it
	r := resolve.Default()
	hgnc, err := fullHGNC()
	if err != nil {
		t.Fatal(err)
	}
	symbols := make(map[string]string, hgnc.Len())
	for _, e := range hgnc.Entries() {
		symbols[e.Node.Symbol] = e.Node.ID
	}
	// gold: figid → symbol → the row explaining it
	explained := make(map[string]map[string]goldRow)
	for _, row := range readGold(t) {
		for _, s := range row.pfocr {
			if explained[row.doc] == nil {
				explained[row.doc] = make(map[string]goldRow)
			}
			explained[row.doc][s] = row
		}
	}
	// A PFOCR match is true when the word names the gene, or a group
	// that lists it; a false one is a homonym, or a fan-out: a member of
	// the family the word names that the figure does not name by itself.
	truth := func(row goldRow, sym, id string) (int, bool) {
		if slices.Contains(strings.Split(row.want, "|"), id) {
			return +1, false
		}
		if e, ok := r.Entry(row.want); ok && e.Node.Kind == graph.Group && slices.Contains(e.Node.Members, id) {
			return +1, false
		}
		return -1, slices.Contains(row.fanOut, sym)
	}

	var all compareTally
	var table, rejections, extras []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pfocr.Parse(f, p, source.Limits{})
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		ctx := docContext(d)
		sc := r.InContext(ctx)
		// What bonemet reads in the title and caption.
		found := make(map[string]string) // gene ID → mention
		for _, m := range r.Mentions(ctx.Text) {
			res := sc.Resolve(m.Text)
			if res.Status != resolve.Resolved {
				continue
			}
			for _, n := range res.Candidates {
				if n.Kind == graph.Gene {
					found[n.ID] = m.Text
				}
			}
		}
		var tl compareTally
		pg := pfocrGenes(d, symbols)
		inPFOCR := make(map[string]bool)
		for _, s := range pg {
			id := symbols[s]
			inPFOCR[id] = true
			e, _ := hgnc.Entry(id)
			m := pfocrMatch{symbol: s, id: id}
			row, ok := explained[d.ID][s]
			if ok {
				m.word = row.mention
				m.gold, m.fanOut = truth(row, s, id)
			} else {
				m.word = captionWord(ctx.Text, e)
			}
			switch {
			case m.word != "":
				res := sc.Resolve(m.word)
				m.accepted = accepts(r, res, id)
				if !m.accepted {
					got := "nothing"
					if len(res.Candidates) > 0 {
						var ls []string
						for _, n := range res.Candidates {
							ls = append(ls, n.Label())
						}
						got = strings.Join(ls, ", ")
					}
					m.reason = fmt.Sprintf("%s as %s: %s", res.Status, got, res.Reason)
				}
			default:
				_, m.accepted = found[id]
			}
			tl.pfocr++
			switch {
			case m.accepted:
				tl.agree++
			case m.word == "":
				tl.figureOnly++
			default:
				tl.rejected++
				mark := map[int]string{1: "TRUE match", -1: "false match", 0: "unjudged"}[m.gold]
				if m.fanOut {
					mark = "false match (family fan-out)"
				}
				rejections = append(rejections, fmt.Sprintf("%-12s %-9s from %-14q %-28s bonemet: %s", shortDoc(d.ID), s, m.word, mark, m.reason))
			}
			switch m.gold {
			case -1:
				tl.falseN++
				if !m.accepted {
					tl.falseRejected++
				}
				if !m.fanOut {
					tl.hardFalseN++
					if !m.accepted {
						tl.hardFalseRejected++
					}
				}
			case +1:
				tl.trueN++
				if m.accepted {
					tl.trueAccepted++
				}
			}
		}
		var only []string
		for id, mention := range found {
			if !inPFOCR[id] {
				e, _ := r.Entry(id)
				only = append(only, fmt.Sprintf("%s (%q)", e.Node.Label(), mention))
			}
		}
		sort.Strings(only)
		tl.bonemetOnly = len(only)
		if len(only) > 0 {
			extras = append(extras, fmt.Sprintf("%-12s %s", shortDoc(d.ID), strings.Join(only, ", ")))
		}
		shape := "B"
		if len(d.Annotations) == 0 {
			shape = "A"
		}
		table = append(table, fmt.Sprintf("%-40s %s %6d %6d %8d %7d %8d", d.ID, shape, tl.pfocr, tl.agree, tl.rejected, tl.figureOnly, tl.bonemetOnly))
		all.add(tl)
	}
	t.Logf("%-40s %s %6s %6s %8s %7s %8s", "figure", "shape", "PFOCR", "agree", "rejected", "figure", "bonemet")
	t.Logf("%-40s %s %6s %6s %8s %7s %8s", "", "", "genes", "", "", "only", "only")
	for _, l := range table {
		t.Log(l)
	}
	t.Logf("%-40s   %6d %6d %8d %7d %8d", "total", all.pfocr, all.agree, all.rejected, all.figureOnly, all.bonemetOnly)
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("PFOCR genes whose word bonemet reads: %d, of which bonemet agrees with %d (%.1f%%) and rejects %d",
		all.pfocr-all.figureOnly, all.agree, pct(all.agree, all.pfocr-all.figureOnly), all.rejected)
	t.Logf("gold-judged false matches rejected: %d/%d = %.1f%% (without family fan-outs: %d/%d = %.1f%%)",
		all.falseRejected, all.falseN, pct(all.falseRejected, all.falseN),
		all.hardFalseRejected, all.hardFalseN, pct(all.hardFalseRejected, all.hardFalseN))
	t.Logf("gold-judged true matches accepted: %d/%d = %.1f%%", all.trueAccepted, all.trueN, pct(all.trueAccepted, all.trueN))
	t.Log("PFOCR matches bonemet rejects, with its reason:")
	for _, l := range rejections {
		t.Log("  " + l)
	}
	t.Log("genes bonemet finds in the title or caption that PFOCR's list lacks:")
	for _, l := range extras {
		t.Log("  " + l)
	}
	if all.falseN > 0 && pct(all.falseRejected, all.falseN) < 80 {
		t.Errorf("only %.1f%% of PFOCR's false matches rejected, want at least 80%%", pct(all.falseRejected, all.falseN))
	}
	if all.hardFalseN > 0 && pct(all.hardFalseRejected, all.hardFalseN) < 80 {
		t.Errorf("only %.1f%% of PFOCR's false matches (fan-outs aside) rejected, want at least 80%%", pct(all.hardFalseRejected, all.hardFalseN))
	}
}
