package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int // byte offsets; Start ≤ End
}

// abbrevDots are words that end with a full stop without ending a
// sentence (compared in lower case, without the final stop).
var abbrevDots = map[string]bool{
	"al": true, "e.g": true, "i.e": true, "eg": true, "ie": true, "fig": true, "figs": true,
	"vs": true, "cf": true, "approx": true, "ca": true, "dr": true, "prof": true, "no": true,
	"nos": true, "ref": true, "refs": true, "resp": true, "etc": true, "viz": true, "mr": true,
	"mrs": true, "ms": true, "st": true, "sp": true, "spp": true, "var": true, "inc": true,
	"ltd": true, "co": true, "vol": true, "pp": true, "p": true, "ed": true, "eds": true,
	"suppl": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true,
	"min": true, "max": true, "conc": true, "incl": true, "est": true, "eq": true, "eqs": true,
	"chap": true, "sect": true, "cat": true,
}

// maxParen is the longest bracketed text inside which no sentence ends.
const maxParen = 400

// SplitSentences splits a text into sentences, returning their byte spans
// without surrounding white space, in order. A sentence ends at ".", "!" or
// "?" (with any closing quotes or brackets) followed by white space and a
// word that can start a sentence: a capital letter, a digit, an opening
// bracket or quote, a Greek letter, or a symbol such as "cIAP1" or
// "ephB4". It does not end after common abbreviations ("et al.", "e.g.",
// "i.e.", "Fig. 3", "vs."), initials ("G. D. Roodman"), inside decimals
// ("1.5"), or inside parentheses and brackets. The whole text is one
// sentence when it holds no end. Time is linear in the length of the text.
func SplitSentences(text string) []Span {
	var out []Span
	start := skipSpace(text, 0)
	depth, lastOpen := 0, 0
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		if depth > 0 && i-lastOpen > maxParen {
			depth = 0 // an unclosed bracket does not hide the rest
		}
		switch c {
		case '(', '[':
			depth++
			lastOpen = i
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '.', '!', '?', '…':
			end := i + n
			// closing quotes and brackets belong to the sentence
			for end < len(text) {
				d, m := utf8.DecodeRuneInString(text[end:])
				if d == '"' || d == '\'' || d == '”' || d == '’' || (d == ')' || d == ']') && depth > 0 {
					if d == ')' || d == ']' {
						depth--
					}
					end += m
					continue
				}
				break
			}
			next := skipSpace(text, end)
			if next == end && end < len(text) && !(c == '.' && depth == 0 && glued(text[start:i], text[end:])) {
				break // no white space: "1.5", "e.g.,", "p52.RelB"
			}
			if next >= len(text) {
				break
			}
			if depth > 0 && c == '.' {
				break
			}
			if c == '.' && !endsSentence(text[start:i], text[next:]) {
				break
			}
			if s := trimSpan(text, start, end); s.End > s.Start {
				out = append(out, s)
			}
			start = next
			depth = 0
			i = next
			continue
		}
		i += n
	}
	if s := trimSpan(text, start, len(text)); s.End > s.Start {
		out = append(out, s)
	}
	return out
}

// glued reports whether a full stop with no space after it still ends a
// sentence: a word of three lower-case letters or more before it and a
// capitalised word after it ("couples bone resorption to
// formation.Osteoclast differentiation is driven by ...", as PFOCR joins
// a figure's title to its caption), unless the word before is an
// abbreviation.
func glued(before, after string) bool {
	k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLower(r) })
	w := before[k+1:]
	if len(w) < 3 || k >= 0 && !unicode.IsSpace(rune(before[k])) && before[k] != '(' || abbrevDots[w] || w == "www" {
		return false
	}
	c, n := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(c) {
		return false
	}
	lower := 0
	for _, r := range after[n:] {
		if !unicode.IsLower(r) {
			break
		}
		lower++
	}
	return lower >= 2
}

// endsSentence decides whether a full stop between before and after ends a
// sentence.
func endsSentence(before, after string) bool {
	// the word before the stop
	k := strings.LastIndexFunc(before, unicode.IsSpace)
	w := before[k+1:]
	w = strings.TrimLeft(w, "([\"'“‘")
	lw := strings.ToLower(w)
	if abbrevDots[lw] {
		switch lw {
		case "al":
			if prev := strings.Fields(before[:k+1]); len(prev) > 0 && strings.EqualFold(prev[len(prev)-1], "et") {
				return false
			}
		case "no", "nos", "p", "pp", "ref", "refs", "vol":
			if c, _ := utf8.DecodeRuneInString(after); unicode.IsDigit(c) {
				return false // "No. 5", "p. 12"
			}
		default:
			return false // "e.g.", "Fig. 3", "vs."
		}
	}
	// "e.g." and "i.e." written with inner stops, "U.S."
	if strings.Contains(lw, ".") && len(lw) <= 6 && !strings.ContainsAny(lw, "0123456789") {
		return false
	}
	// An initial: "G. D. Roodman", after a capitalised word or another
	// initial and before a capitalised word.
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		if a, n := utf8.DecodeRuneInString(after); unicode.IsUpper(a) && strings.HasPrefix(after[n:], ".") {
			return false // "G. D. Roodman"
		}
		prev := strings.Fields(before[:k+1])
		if c, _ := utf8.DecodeRuneInString(after); unicode.IsUpper(c) {
			if len(prev) == 0 {
				return false
			}
			p, _ := utf8.DecodeRuneInString(prev[len(prev)-1])
			if unicode.IsUpper(p) {
				return false
			}
		}
	}
	return startsSentence(after)
}

// startsSentence reports whether a sentence can start with text.
func startsSentence(text string) bool {
	c, _ := utf8.DecodeRuneInString(text)
	switch {
	case unicode.IsUpper(c), unicode.IsDigit(c), unicode.Is(unicode.Greek, c):
		return true
	case strings.ContainsRune("([\"'“‘", c):
		return true
	case unicode.IsLower(c):
		// a symbol written with a lower-case initial: "cIAP1", "ephB4", "p52"
		end := strings.IndexFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
		if end < 0 {
			end = len(text)
		}
		w := text[:end]
		for _, r := range w[1:] {
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		c, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(c) {
			break
		}
		i += n
	}
	return i
}

func trimSpan(text string, start, end int) Span {
	start = skipSpace(text, start)
	for end > start {
		c, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(c) {
			break
		}
		end -= n
	}
	if end < start {
		end = start
	}
	return Span{start, end}
}
