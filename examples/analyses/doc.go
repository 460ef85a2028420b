// Package analyses shows how to write biology as Go tests against bonemet:
// its _test.go files assert claims such as "denosumab blocks osteoclast
// formation through RANKL" with the one-line Expect helpers of package
// bonemet, whose failure messages explain the missing path or the wrong
// sign hop by hop. Run them with
//
//	go test ./examples/analyses
package analyses
