package source

import (
	"strings"
	"unicode/utf8"
)

// Text that was UTF-8 but went through a program that read it as Windows-1252
// (or Latin-1) or as Mac Roman comes out with each non-ASCII letter spelled as
// two or three others: "NF-ÎºB" and "NF-Œ∫B" for "NF-κB", "IL-1Î²" for
// "IL-1β". Pathway files and figure tables carry such text; names in it
// match nothing. FixMojibake undoes it.

// macRoman holds the characters of Mac Roman's bytes 0x80 to 0xFF.
var macRoman = [128]rune{
	'\u00C4', '\u00C5', '\u00C7', '\u00C9', '\u00D1', '\u00D6', '\u00DC', '\u00E1',
	'\u00E0', '\u00E2', '\u00E4', '\u00E3', '\u00E5', '\u00E7', '\u00E9', '\u00E8',
	'\u00EA', '\u00EB', '\u00ED', '\u00EC', '\u00EE', '\u00EF', '\u00F1', '\u00F3',
	'\u00F2', '\u00F4', '\u00F6', '\u00F5', '\u00FA', '\u00F9', '\u00FB', '\u00FC',
	'\u2020', '\u00B0', '\u00A2', '\u00A3', '\u00A7', '\u2022', '\u00B6', '\u00DF',
	'\u00AE', '\u00A9', '\u2122', '\u00B4', '\u00A8', '\u2260', '\u00C6', '\u00D8',
	'\u221E', '\u00B1', '\u2264', '\u2265', '\u00A5', '\u00B5', '\u2202', '\u2211',
	'\u220F', '\u03C0', '\u222B', '\u00AA', '\u00BA', '\u03A9', '\u00E6', '\u00F8',
	'\u00BF', '\u00A1', '\u00AC', '\u221A', '\u0192', '\u2248', '\u2206', '\u00AB',
	'\u00BB', '\u2026', '\u00A0', '\u00C0', '\u00C3', '\u00D5', '\u0152', '\u0153',
	'\u2013', '\u2014', '\u201C', '\u201D', '\u2018', '\u2019', '\u00F7', '\u25CA',
	'\u00FF', '\u0178', '\u2044', '\u20AC', '\u2039', '\u203A', '\uFB01', '\uFB02',
	'\u2021', '\u00B7', '\u201A', '\u201E', '\u2030', '\u00C2', '\u00CA', '\u00C1',
	'\u00CB', '\u00C8', '\u00CD', '\u00CE', '\u00CF', '\u00CC', '\u00D3', '\u00D4',
	'\uF8FF', '\u00D2', '\u00DA', '\u00DB', '\u00D9', '\u0131', '\u02C6', '\u02DC',
	'\u00AF', '\u02D8', '\u02D9', '\u02DA', '\u00B8', '\u02DD', '\u02DB', '\u02C7',
}

// windows1252 holds the characters of Windows-1252's bytes 0x80 to 0x9F (0
// where the code page leaves a byte undefined); its bytes 0xA0 to 0xFF are
// Latin-1's.
var windows1252 = [32]rune{
	'\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
	0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178',
}

// codePage maps a character back to the byte a code page wrote it for.
type codePage map[rune]byte

var (
	fromMacRoman    = codePage{}
	fromWindows1252 = codePage{}
	// mojibakeLeads holds every character that stands for a UTF-8 lead
	// byte in either code page: text without one needs no repair.
	mojibakeLeads string
)

func init() {
	var leads strings.Builder
	for i, r := range macRoman {
		b := byte(0x80 + i)
		fromMacRoman[r] = b
		if b >= 0xC2 && b <= 0xF4 {
			leads.WriteRune(r)
		}
	}
	for i, r := range windows1252 {
		if r != 0 {
			fromWindows1252[r] = byte(0x80 + i)
		}
	}
	for b := 0x80; b <= 0xFF; b++ {
		if b >= 0xA0 || windows1252[b-0x80] == 0 {
			fromWindows1252[rune(b)] = byte(b) // Latin-1, and C1 controls read as such
		}
		if b >= 0xC2 && b <= 0xF4 {
			leads.WriteRune(rune(b))
		}
	}
	mojibakeLeads = leads.String()
}

// mojibakeTarget reports whether r is a character that mis-decoded text
// plausibly stood for: Latin-1 letters and signs, Latin Extended-A, Greek,
// general punctuation, letter-like symbols and arrows, and mathematical
// operators. Others (Cyrillic, CJK, ...) are too far from what a misread
// byte pair most likely meant.
func mojibakeTarget(r rune) bool {
	return r >= 0xA0 && r <= 0x17F || r >= 0x370 && r <= 0x3FF || r >= 0x2010 && r <= 0x2044 ||
		r >= 0x2100 && r <= 0x22FF
}

// FixMojibake undoes UTF-8 text read as Windows-1252, Latin-1 or Mac Roman:
// each run of two to four characters whose bytes in one of those code pages
// form one UTF-8 character (a Greek letter, an accented letter, a dash or a
// quote) becomes that character. It returns the text and the number of
// characters repaired; text that needs no repair is returned as it is.
func FixMojibake(s string) (string, int) {
	if !strings.ContainsAny(s, mojibakeLeads) {
		return s, 0
	}
	var b strings.Builder
	n, last := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x80 {
			i += size
			continue
		}
		fixed, used, ok := unmojibake(s[i:], fromWindows1252)
		if !ok {
			fixed, used, ok = unmojibake(s[i:], fromMacRoman)
		}
		if !ok {
			i += size
			continue
		}
		b.WriteString(s[last:i])
		b.WriteRune(fixed)
		i += used
		last, n = i, n+1
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// unmojibake reads at the start of s the characters of one UTF-8
// character written in the code page cp, returning it and the bytes of s
// it spans.
func unmojibake(s string, cp codePage) (rune, int, bool) {
	var enc [4]byte
	lead, size := utf8.DecodeRuneInString(s)
	b, ok := cp[lead]
	if !ok {
		return 0, 0, false
	}
	var want int
	switch {
	case b >= 0xC2 && b <= 0xDF:
		want = 2
	case b >= 0xE0 && b <= 0xEF:
		want = 3
	case b >= 0xF0 && b <= 0xF4:
		want = 4
	default:
		return 0, 0, false
	}
	enc[0] = b
	used := size
	for k := 1; k < want; k++ {
		r, size := utf8.DecodeRuneInString(s[used:])
		c, ok := cp[r]
		if !ok || c < 0x80 || c > 0xBF {
			return 0, 0, false
		}
		enc[k] = c
		used += size
	}
	r, n := utf8.DecodeRune(enc[:want])
	if r == utf8.RuneError || n != want || !mojibakeTarget(r) {
		return 0, 0, false
	}
	return r, used, true
}
