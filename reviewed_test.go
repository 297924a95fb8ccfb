package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-reader/dossier/extract"
	"github.com/dossier-reader/dossier/extract/review"
	"github.com/dossier-reader/dossier/samples"
)

// TestExportAppliesReview: a rejected entity is left out of the export, an
// accepted one carries its state, the rest are pending; --no-review exports
// the tagger's output untouched.
func TestExportAppliesReview(t *testing.T) {
	doc := extract.Tag(samples.Default)
	person, country := -1, -1
	for i, e := range doc.Entities {
		if e.Kind == extract.Person && person < 0 {
			person = i
		}
		if e.Kind == extract.Country && country < 0 {
			country = i
		}
	}
	if person < 0 || country < 0 {
		t.Fatal("the sample should have a person and a country")
	}
	rejected, accepted := doc.Entities[person].Name, doc.Entities[country].Name
	b, err := review.Encode(review.File{TextHash: review.TextHash(samples.Default), TextLen: len(samples.Default),
		Actions: []review.Action{
			{Op: review.OpReject, Targets: []review.Ref{review.EntityRef(doc, person)}},
			{Op: review.OpAccept, Targets: []review.Ref{review.EntityRef(doc, country)}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.review.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	states := func(args ...string) map[string]map[string]int {
		code, out, errs := runCmd(append([]string{"export", "-o", "-"}, args...), "")
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", args, code, errs)
		}
		var j struct {
			Entities []struct{ Entity, State string }
		}
		if err := json.Unmarshal([]byte(out), &j); err != nil {
			t.Fatal(err)
		}
		got := map[string]map[string]int{}
		for _, m := range j.Entities {
			if got[m.Entity] == nil {
				got[m.Entity] = map[string]int{}
			}
			got[m.Entity][m.State]++
		}
		return got
	}
	got := states("--review-file", path)
	if got[rejected] != nil {
		t.Errorf("rejected %s still exported: %v", rejected, got[rejected])
	}
	if got[accepted]["accepted"] == 0 || len(got[accepted]) != 1 {
		t.Errorf("accepted %s: states %v, want all accepted", accepted, got[accepted])
	}
	for name, st := range got {
		if name != accepted && (st["pending"] == 0 || len(st) != 1) {
			t.Errorf("%s: states %v, want all pending", name, st)
		}
	}
	raw := states("--review-file", path, "--no-review")
	if raw[rejected] == nil || raw[rejected][""] == 0 {
		t.Errorf("--no-review: %s should be there without a state: %v", rejected, raw[rejected])
	}
}
