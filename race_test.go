//go:build race

package bonemet_test

const raceEnabled = true
