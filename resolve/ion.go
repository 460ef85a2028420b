package resolve

import (
	"fmt"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// An ion written with its charge ("Na+", "Mg2+", "Ca²⁺", "Fe(3+)", "Cl-")
// names a chemical, never a gene: keys drop the charge sign, and "na",
// "h" or "mg2" are also previous symbols of genes (XK, FUT1, MUC7). Such
// a name is looked up by the name ChEBI gives the ion ("sodium(1+)").

// cations maps the symbol of an element that forms cations to its name.
var cations = map[string]string{
	"Li": "lithium", "Na": "sodium", "K": "potassium", "Rb": "rubidium", "Cs": "caesium",
	"Mg": "magnesium", "Ca": "calcium", "Sr": "strontium", "Ba": "barium",
	"Al": "aluminium", "Mn": "manganese", "Fe": "iron", "Co": "cobalt", "Ni": "nickel",
	"Cu": "copper", "Zn": "zinc", "Cd": "cadmium", "Hg": "mercury", "Pb": "lead",
}

// namedIons are the ions ChEBI names without a charge in parentheses, by
// formula and charge.
var namedIons = map[string]string{
	"H+": "hydron", "NH4+": "ammonium",
	"F-": "fluoride", "Cl-": "chloride", "Br-": "bromide", "I-": "iodide",
	"OH-": "hydroxide", "HCO3-": "hydrogencarbonate", "NO3-": "nitrate",
	"SO42-": "sulfate", "PO43-": "phosphate(3-)", "HPO42-": "hydrogenphosphate",
}

// maybeIon reports, cheaply, whether name ends as a charge does.
func maybeIon(name string) bool {
	if name == "" || len(name) > 16 {
		return false
	}
	switch name[len(name)-1] {
	case '+', '-', ')':
		return true
	case '1', '2', '3', '4': // "Ca+2"
		return len(name) > 2 && (name[len(name)-2] == '+' || name[len(name)-2] == '-')
	case 0xBA, 0xBB, 0x92: // the last bytes of "⁺", "⁻" and "−"
		return strings.HasSuffix(name, "⁺") || strings.HasSuffix(name, "⁻") || strings.HasSuffix(name, "−")
	}
	return false
}

// superscripts turns superscript digits and signs into plain ones.
var superscripts = strings.NewReplacer(
	"⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9",
	"⁺", "+", "⁻", "-", "−", "-",
)

// ionName returns the ChEBI name of the ion name writes, or false when
// name is not an ion written with its charge.
func ionName(name string) (string, bool) {
	if !maybeIon(name) {
		return "", false
	}
	s := superscripts.Replace(name)
	if strings.HasSuffix(s, ")") {
		i := strings.LastIndexByte(s, '(')
		if i <= 0 {
			return "", false
		}
		s = s[:i] + s[i+1:len(s)-1] // "Fe(3+)" → "Fe3+"
	}
	// The formula is the longest known one the name starts with.
	for n := min(len(s)-1, 4); n > 0; n-- {
		base := s[:n]
		q, sign, ok := charge(s[n:])
		if !ok {
			continue
		}
		if name, ok := cations[base]; ok && sign == '+' {
			return fmt.Sprintf("%s(%d+)", name, q), true
		}
		key := base + string(sign)
		if q > 1 {
			key = fmt.Sprintf("%s%d%c", base, q, sign)
		}
		if name, ok := namedIons[key]; ok {
			return name, true
		}
	}
	return "", false
}

// charge reads a charge: "+", "++", "2+", "+2", "-", "2-"; q is its size.
func charge(s string) (q int, sign byte, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	sign = s[len(s)-1]
	if sign != '+' && sign != '-' {
		sign = s[0]
		if sign != '+' && sign != '-' || len(s) != 2 || s[1] < '1' || s[1] > '4' {
			return 0, 0, false
		}
		return int(s[1] - '0'), sign, true // "+2"
	}
	if strings.Trim(s, string(sign)) == "" && len(s) <= 3 {
		return len(s), sign, true // "+", "++", "+++"
	}
	if len(s) == 2 && s[0] >= '1' && s[0] <= '4' {
		return int(s[0] - '0'), sign, true // "2+"
	}
	return 0, 0, false
}

// resolveIon resolves an ion by its ChEBI name; an ion no chemical is
// named for is Unknown rather than read as a gene.
func (r *Resolver) resolveIon(res Result, chebiName string) Result {
	ion := r.Resolve(chebiName)
	if n, ok := ion.Node(); ok && n.Kind == graph.Chemical {
		res.Status, res.Tier, res.Candidates = Resolved, ion.Tier, ion.Candidates
		res.Reason = fmt.Sprintf("an ion, looked up as %q", chebiName)
		return res
	}
	res.Reason = fmt.Sprintf("an ion, and no chemical is named %q", chebiName)
	return res
}
