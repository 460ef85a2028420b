package resolve

// BuildDefault builds the default lexicon anew, for the benchmarks of its
// start-up cost.
var BuildDefault = buildDefault
