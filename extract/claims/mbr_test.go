package claims

import (
	"math"
	"math/rand/v2"
	"testing"
)

// mbrReference is mbr as first written: every candidate's window summed.
func mbrReference(ps []float32, ws []int32, maxS, t float32, mass []float32) (int, float32) {
	var sum float32
	for i := range ps {
		ps[i] = float32(math.Exp(float64((ps[i] - maxS) / t)))
		sum += ps[i]
	}
	best, bestP := 0, float32(-1)
	for i := range ps {
		p := ps[i] / 2
		for g := range ps {
			if 2*ws[g] >= ws[i] && ws[g] <= 2*ws[i] {
				p += ps[g]
			}
		}
		mass[i] = p / sum
		if p > bestP {
			best, bestP = i, p
		}
	}
	return best, bestP / sum
}

// TestMBR checks that the bounded mbr, runnerUpEnd and massOf give what
// summing every window gives, bit for bit, on random candidates: scores
// spread widely or bunched (ties), word counts with runs of equal ones.
func TestMBR(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for it := range 20000 {
		n := 1 + rng.IntN(maxEnds)
		var d doc
		d.es = new(endSet)
		es := d.es
		ps := make([]float32, n)
		w := int32(rng.IntN(2))
		spread := []float32{0.01, 1, 10, 100, 1000}[it%5]
		maxS := float32(0)
		for i := range n {
			w += int32(rng.IntN(3))
			s := float32(rng.NormFloat64()) * spread
			if it%7 == 0 {
				s = float32(rng.IntN(3)) // ties
			}
			if i == 0 || s > maxS {
				maxS = s
			}
			ps[i], es.ps[i], es.ws[i], es.ends[i] = s, s, w, int32(10+i)
		}
		es.n = n
		mass := make([]float32, n)
		wantK, wantConf := mbrReference(ps, es.ws[:n], maxS, endTemp, mass)
		k, conf := es.mbr(maxS, endTemp)
		if k != wantK || math.Float32bits(conf) != math.Float32bits(wantConf) {
			t.Fatalf("case %d: mbr = %d, %v, want %d, %v", it, k, conf, wantK, wantConf)
		}
		e := int(es.ends[k])
		wantE2, wantM2 := -1, float32(-1)
		for i := range n {
			if int(es.ends[i]) != e && mass[i] > wantM2 {
				wantE2, wantM2 = int(es.ends[i]), mass[i]
			}
			if m := d.massOf(int(es.ends[i])); math.Float32bits(m) != math.Float32bits(mass[i]) {
				t.Fatalf("case %d: massOf(%d) = %v, want %v", it, i, m, mass[i])
			}
		}
		if e2, m2 := d.runnerUpEnd(e); e2 != wantE2 || math.Float32bits(m2) != math.Float32bits(wantM2) {
			t.Fatalf("case %d: runnerUpEnd = %d, %v, want %d, %v", it, e2, m2, wantE2, wantM2)
		}
	}
}
