package bonemet

import "github.com/bonemet/bonemet/knowledge"

// FromSnapshot lets the benchmarks build the default knowledge anew.
var FromSnapshot = fromSnapshot

// DecodeDefault decodes the embedded snapshot anew.
func DecodeDefault() (*knowledge.Snapshot, error) {
	return knowledge.DecodeCompressed(knowledge.Compressed())
}
