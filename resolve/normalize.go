package resolve

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

var greek = map[rune]string{
	'α': "alpha", 'β': "beta", 'γ': "gamma", 'δ': "delta", 'ε': "epsilon",
	'ζ': "zeta", 'η': "eta", 'θ': "theta", 'ι': "iota", 'κ': "kappa",
	'λ': "lambda", 'μ': "mu", 'ν': "nu", 'ξ': "xi", 'ο': "omicron",
	'π': "pi", 'ρ': "rho", 'σ': "sigma", 'ς': "sigma", 'τ': "tau",
	'υ': "upsilon", 'φ': "phi", 'χ': "chi", 'ψ': "psi", 'ω': "omega",
	'µ': "mu", // micro sign
}

// digitOf maps superscript and subscript digits to ASCII ("Ca²⁺" → "ca2",
// "PGE₂" → "pge2").
func digitOf(r rune) (byte, bool) {
	switch {
	case r >= '₀' && r <= '₉':
		return byte('0' + r - '₀'), true
	case r >= '⁴' && r <= '⁹':
		return byte('0' + r - '⁰'), true
	}
	switch r {
	case '⁰':
		return '0', true
	case '¹':
		return '1', true
	case '²':
		return '2', true
	case '³':
		return '3', true
	}
	return 0, false
}

// Normalize returns the key under which a name is looked up: Greek letters
// spelled out (α → alpha, κ → kappa), lower case, British "tumour" spelled
// "tumor", and everything but letters and digits removed, so that "NF-κB",
// "NF-kappaB" and "nf kappa b" share the key "nfkappab", and "MIP-1α" and
// "MIP-1alpha" share "mip1alpha". Invalid UTF-8 bytes are dropped. The
// result is empty when the name holds no letter or digit.
func Normalize(name string) string {
	if isKey(name) {
		return name // already a key: no allocation
	}
	var buf [64]byte // on the stack: the string is the only allocation
	return string(appendKey(buf[:0], name))
}

// appendKey appends the key of name (see [Normalize]) to dst.
func appendKey(dst []byte, name string) []byte {
	start := len(dst)
	for i := 0; i < len(name); {
		if c := name[i]; c < utf8.RuneSelf { // ASCII fast path
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		if r == utf8.RuneError && size <= 1 {
			continue
		}
		if g, ok := greek[unicode.ToLower(r)]; ok {
			dst = append(dst, g...)
			continue
		}
		if d, ok := digitOf(r); ok {
			dst = append(dst, d)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	// "tumour" → "tumor", in place: the key only shrinks.
	key := dst[start:]
	if hasTumour(key) {
		w := 0
		for r := 0; r < len(key); {
			if bytes.HasPrefix(key[r:], []byte("tumour")) {
				w += copy(key[w:], "tumor")
				r += len("tumour")
				continue
			}
			key[w] = key[r]
			w++
			r++
		}
		dst = dst[:start+w]
	}
	return dst
}

// hasTumour reports whether key holds "tumour"; a plain loop is faster
// than a search on the short keys of names.
func hasTumour(key []byte) bool {
	for i := 0; i+6 <= len(key); i++ {
		if key[i] == 't' && key[i+1] == 'u' && key[i+2] == 'm' && key[i+3] == 'o' && key[i+4] == 'u' && key[i+5] == 'r' {
			return true
		}
	}
	return false
}

// isKey reports whether s holds only lower-case ASCII letters and digits
// and no "tumour": Normalize would return it unchanged.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return !strings.Contains(s, "tumour")
}

// singular returns the key with a plural ending removed ("osteoclasts" →
// "osteoclast", "tregs" → "treg"), or "" when the key has none.
func singular(key string) string {
	if len(key) > 3 && strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "ss") {
		return key[:len(key)-1]
	}
	return ""
}

// singularKey is [singular] on a key held in bytes; it returns nil when
// the key has no plural ending.
func singularKey(key []byte) []byte {
	if n := len(key); n > 3 && key[n-1] == 's' && key[n-2] != 's' {
		return key[:n-1]
	}
	return nil
}
