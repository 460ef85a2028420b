package bonemettest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/bonemettest"
)

// printTB stands in for the *testing.T of a test: it prints the first
// two lines of each failure (a test shows it all: every hop with every
// quote it rests on).
type printTB struct{ testing.TB }

func (printTB) Helper() {}
func (printTB) Errorf(format string, args ...any) {
	lines := strings.SplitN(fmt.Sprintf(format, args...), "\n", 3)
	fmt.Println(strings.Join(lines[:min(2, len(lines))], "\n"))
}

// In a test, t is the test's *testing.T: a failed expectation fails the
// test and says what the graph holds instead. Denosumab blocks
// osteoclasts, through RANKL; it does not promote them, whatever route is
// named.
func ExampleExpectBlocks() {
	var t printTB // func TestDenosumab(t *testing.T) { ... }
	k := bonemet.Default()
	fmt.Println(bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast", "RANKL"))
	fmt.Println(bonemettest.ExpectPromotes(t, k, "denosumab", "osteoclast", "RANKL"))
	// Output:
	// true
	// expected denosumab to promote osteoclast via RANKL: the net sign is -, by the shortest path
	//     1. denosumab ⊣ TNFSF11 (inhibits)
	// false
}
