//go:build !unix

package ner

func cpuTime() int64 { return 0 }
