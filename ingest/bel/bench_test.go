package bel_test

import (
	"bufio"
	"bytes"
	"os"
	"testing"

	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

// BenchmarkRead reads the development corpus, against a baseline in the
// same run: scanning the same bytes line by line with bufio.Scanner
// ("x-bufio" is the ratio of CPU times; see internal/benchcmp).
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Require(b, devCorpus))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var s *bel.Script
	lines := 0
	cpu := benchcmp.RunThread(b, func(int) {
		s, _ = bel.Read(bytes.NewReader(data), "dev.bel", source.Limits{})
	}, benchcmp.Baseline{Name: "bufio", Run: func(int) {
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			n++
		}
		lines = n
	}})
	if s.Read == 0 || lines == 0 {
		b.Fatal("nothing read")
	}
	b.ReportMetric(float64(s.Read)*float64(b.N)/cpu.Seconds(), "stmts/cpu-s")
}
