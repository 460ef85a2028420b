// Package textdiff shows how two texts differ, line by line, for tests:
// lines only in the wanted text start with "-", lines only in the text
// got with "+", and a few unchanged lines around each change with two
// spaces, in the (-want +got) convention of Go tests.
package textdiff

import (
	"fmt"
	"strings"
)

// Context is how many unchanged lines are shown before and after each
// change.
const Context = 2

// maxCells bounds the table of the longest common subsequence; inputs
// whose differing middles are larger are shown as their first differing
// line and the counts.
const maxCells = 4 << 20

// Text returns the differences between want and got split into lines, or
// "" when they are equal.
func Text(want, got string) string {
	if want == got {
		return ""
	}
	if d := Lines(split(want), split(got)); d != "" {
		return d
	}
	return fmt.Sprintf("the texts differ in their line ends only (want %d bytes, got %d)\n", len(want), len(got))
}

// split cuts text into lines without their ends; a final line end starts
// no line.
func split(text string) []string {
	lines := strings.Split(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// Lines returns the differences between want and got, or "" when they are
// equal. A line's trailing "\r" or "\n" is not compared.
func Lines(want, got []string) string {
	w, g := trimEnds(want), trimEnds(got)
	// The common head and tail need no table.
	head := 0
	for head < len(w) && head < len(g) && w[head] == g[head] {
		head++
	}
	tail := 0
	for tail < len(w)-head && tail < len(g)-head && w[len(w)-1-tail] == g[len(g)-1-tail] {
		tail++
	}
	if head == len(w) && head == len(g) {
		return ""
	}
	mw, mg := w[head:len(w)-tail], g[head:len(g)-tail]
	var ops []op
	if (len(mw)+1)*(len(mg)+1) > maxCells {
		return fmt.Sprintf("line %d differs:\n- %s\n+ %s\n(%d lines want, %d got; too many changed lines to show them all)\n",
			head+1, at(w, head), at(g, head), len(w), len(g))
	}
	for i := range head {
		ops = append(ops, op{' ', w[i]})
	}
	ops = append(ops, middle(mw, mg)...)
	for i := len(w) - tail; i < len(w); i++ {
		ops = append(ops, op{' ', w[i]})
	}
	return render(ops)
}

// op is one line of the answer: ' ', '-' or '+', and the line.
type op struct {
	kind byte
	line string
}

// middle aligns want and got by their longest common subsequence.
func middle(want, got []string) []op {
	n, m := len(want), len(got)
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if want[i] == got[j] {
				v = at(i+1, j+1) + 1
			}
			lcs[i*(m+1)+j] = v
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			ops = append(ops, op{' ', want[i]})
			i, j = i+1, j+1
		case i < n && (j == m || at(i+1, j) >= at(i, j+1)):
			ops = append(ops, op{'-', want[i]})
			i++
		default:
			ops = append(ops, op{'+', got[j]})
			j++
		}
	}
	return ops
}

// render writes the changed lines with Context unchanged lines around
// them; "…" stands for the unchanged lines left out.
func render(ops []op) string {
	show := make([]bool, len(ops))
	for i, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for k := max(0, i-Context); k <= min(len(ops)-1, i+Context); k++ {
			show[k] = true
		}
	}
	var b strings.Builder
	skipped := false
	for i, o := range ops {
		if !show[i] {
			skipped = true
			continue
		}
		if skipped {
			b.WriteString("  …\n")
			skipped = false
		}
		b.WriteByte(o.kind)
		b.WriteByte(' ')
		b.WriteString(o.line)
		b.WriteByte('\n')
	}
	if skipped {
		b.WriteString("  …\n")
	}
	return b.String()
}

// trimEnds returns the lines without their line ends.
func trimEnds(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(l, "\r\n")
	}
	return out
}

// at returns line i of lines, or a note that there is none.
func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(no line)"
}
