package resolve

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/bonemet/bonemet/source"
)

// ErrUnknownTable is returned for a line of lexicon/words.tsv naming no
// table the resolver has.
var ErrUnknownTable = errors.New("unknown word table")

//go:embed lexicon/words.tsv lexicon/senses.tsv
var wordFS embed.FS

// wordTables are the word lists of lexicon/words.tsv, by table; see that
// file's header for what each holds.
type wordTables struct {
	english, generic, stop, noStart, compound, origin map[string]bool
	genericStems                                      map[string]bool
	senses                                            map[string][]sense
	// stopPhrases are the entries of stop of several words ("serine/
	// threonine kinase"); stopFirst marks their first bytes, so most
	// names are turned away without lowering their case
	stopPhrases map[string]bool
	stopFirst   [256]bool
}

// stopPhrase reports whether s is a phrase of the stop table, letter case
// aside.
func stopPhrase(s string) bool {
	t := tables()
	if s == "" || !t.stopFirst[s[0]|0x20] && !t.stopFirst[s[0]] || !strings.ContainsAny(s, " /-") {
		return false
	}
	return t.stopPhrases[strings.ToLower(s)]
}

// sense is a common meaning of a short name that is not a gene, with
// stems of words that signal it.
type sense struct {
	meaning string
	cues    []string
}

// tables returns the embedded word tables, read once.
var tables = sync.OnceValue(func() *wordTables {
	w, err := loadWords(wordFS)
	if err != nil {
		// The embedded tables are tested; reaching this is a build defect.
		panic(fmt.Sprintf("resolve: embedded word tables: %v", err))
	}
	return w
})

func loadWords(fsys embed.FS) (*wordTables, error) {
	w := &wordTables{}
	f, err := fsys.Open("lexicon/words.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sets, err := parseWordSets(f, "lexicon/words.tsv")
	if err != nil {
		return nil, err
	}
	w.english, w.generic, w.stop = sets["english"], sets["generic"], sets["stop"]
	w.noStart, w.compound, w.origin = sets["nostart"], sets["compound"], sets["origin"]
	w.stopPhrases = map[string]bool{}
	for p := range w.stop {
		if strings.ContainsAny(p, " /-") {
			w.stopPhrases[p] = true
			w.stopFirst[p[0]] = true
		}
	}
	w.genericStems = make(map[string]bool, 2*len(w.generic))
	for g := range w.generic {
		w.genericStems[stem(g)] = true
		w.genericStems[g] = true
	}
	g, err := fsys.Open("lexicon/senses.tsv")
	if err != nil {
		return nil, err
	}
	defer g.Close()
	w.senses, err = parseSenses(g, "lexicon/senses.tsv")
	return w, err
}

// tsvLines calls f with the fields of each line of a TSV table after its
// header line, skipping comments and blank lines; f's errors become
// [*source.ParseError]s at the line, joined.
func tsvLines(r io.Reader, file string, cols int, f func(fields []string) error) error {
	sc := bufio.NewScanner(r)
	var errs []error
	header := true
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		fields := strings.Split(text, "\t")
		var err error
		if len(fields) != cols {
			err = fmt.Errorf("%w: %d, want %d", ErrColumns, len(fields), cols)
		} else {
			err = f(fields)
		}
		if err != nil {
			errs = append(errs, &source.ParseError{File: file, Line: line, Column: 1, Err: err})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &source.ParseError{File: file, Err: err})
	}
	return errors.Join(errs...)
}

var wordTableNames = []string{"english", "generic", "stop", "nostart", "compound", "origin"}

// ParseWordTables checks a word table in the format of the embedded
// lexicon/words.tsv (a header line, then "table<TAB>word" a line; lines
// starting with # are comments). Its errors are [*source.ParseError]s,
// joined. It is for editors of the table; the resolver reads the
// embedded one.
func ParseWordTables(r io.Reader, file string) error {
	_, err := parseWordSets(r, file)
	return err
}

// parseWordSets reads a words table: "table<TAB>word" a line.
func parseWordSets(r io.Reader, file string) (map[string]map[string]bool, error) {
	sets := make(map[string]map[string]bool)
	for _, t := range wordTableNames {
		sets[t] = make(map[string]bool)
	}
	err := tsvLines(r, file, 2, func(f []string) error {
		set, ok := sets[f[0]]
		if !ok {
			return fmt.Errorf("%w: %q", ErrUnknownTable, f[0])
		}
		if f[1] == "" || strings.ToLower(f[1]) != f[1] {
			return fmt.Errorf("%w: word %q (lower case, not empty)", ErrEmptyField, f[1])
		}
		set[f[1]] = true
		return nil
	})
	return sets, err
}

// parseSenses reads a senses table: key, meaning, |-separated cues.
func parseSenses(r io.Reader, file string) (map[string][]sense, error) {
	out := make(map[string][]sense)
	err := tsvLines(r, file, 3, func(f []string) error {
		if f[0] == "" || Normalize(f[0]) != f[0] || f[1] == "" {
			return fmt.Errorf("%w: a normalised key and a meaning", ErrEmptyField)
		}
		out[f[0]] = append(out[f[0]], sense{meaning: f[1], cues: splitList(f[2])})
		return nil
	})
	return out, err
}
