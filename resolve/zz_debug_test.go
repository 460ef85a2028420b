package resolve_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/resolve"
)

func TestZZDebug(t *testing.T) {
	q := os.Getenv("ZZQ")
	if q == "" {
		t.Skip()
	}
	lex := loadFullHGNC(t)
	r := resolve.New(resolve.DefaultLexicon(), lex)
	text := os.Getenv("ZZT")
	for _, name := range strings.Split(q, ";") {
		res := r.ResolveIn(name, resolve.Context{Text: text})
		var ids []string
		for _, c := range res.Candidates {
			ids = append(ids, c.ID+"/"+c.Label())
		}
		fmt.Printf("%-12s %-9s %.2f %v | %s\n", name, res.Status, res.Score, ids, res.Reason)
		for _, w := range res.Why {
			fmt.Printf("      - %s\n", w)
		}
	}
}
