package resolve_test

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/bonemet/bonemet/resolve"
)

func TestTmpLoad(t *testing.T) {
	p := hgncPath(t)
	runtime.GC()
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	start := time.Now()
	f, _ := os.Open(p)
	lex, err := resolve.LoadHGNC(f, p)
	f.Close()
	d := time.Since(start)
	runtime.ReadMemStats(&b)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var c runtime.MemStats
	runtime.ReadMemStats(&c)
	t.Logf("load %v, total alloc %.1f MB, live heap %.1f MB, entries %d", d, float64(b.TotalAlloc-a.TotalAlloc)/1e6, float64(c.HeapAlloc)/1e6, lex.Len())
}
