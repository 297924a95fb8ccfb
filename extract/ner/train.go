package ner

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/dossier-reader/dossier/extract/ner/corpus"
	"github.com/dossier-reader/dossier/extract/text"
)

// TrainOptions control Train.
type TrainOptions struct {
	Bits   uint8  // log2 of the number of hashed feature buckets
	Epochs int    // passes over the training sentences
	Seed   uint64 // shuffling seed; the same seed gives the same model
	Logf   func(format string, args ...any)
}

// example is one training sentence: bucket indices of its features and its
// gold tags.
type example struct {
	feats []uint32
	gold  []uint8
}

// GoldTags converts a document's gold spans to one tag per token with our
// tokenizer: a token belongs to a span it overlaps. Earlier (sorted) spans
// win over overlapping later ones; types typeOf ignores are skipped.
func GoldTags(a *text.Analysis, d *corpus.Doc) []uint8 {
	tags := make([]uint8, len(a.Tokens))
	taken := make([]bool, len(a.Tokens))
	j := 0
	for _, e := range d.Entities {
		k := typeOf(e.Type)
		if k < 0 {
			continue
		}
		for j > 0 && a.Tokens[j-1].End > e.Start {
			j--
		}
		for j < len(a.Tokens) && a.Tokens[j].End <= e.Start {
			j++
		}
		first := true
		for i := j; i < len(a.Tokens) && a.Tokens[i].Start < e.End; i++ {
			if taken[i] {
				break
			}
			taken[i] = true
			if first {
				tags[i] = uint8(1 + 2*k)
				first = false
			} else {
				tags[i] = uint8(2 + 2*k)
			}
		}
	}
	return tags
}

// examples turns documents into training sentences.
func examples(docs []corpus.Doc, bits uint8) []example {
	var out []example
	var s scratch
	var feats []uint64
	mask := uint64(1)<<bits - 1
	for i := range docs {
		a := text.Analyze(docs[i].Text)
		gold := GoldTags(a, &docs[i])
		infos := docInfo(a, &s)
		for _, se := range a.Sentences {
			feats = sentFeatures(infos[se.First:se.Last], feats)
			ex := example{feats: make([]uint32, len(feats)), gold: slices.Clone(gold[se.First:se.Last])}
			for k, f := range feats {
				ex.feats[k] = uint32(f & mask)
			}
			out = append(out, ex)
		}
	}
	return out
}

// perceptron is the training state: current weights and, for averaging,
// the sums of each update times the step it was made at.
type perceptron struct {
	w, u     []float64
	tw, tu   []float64
	step     float64
	em, back []uint8
}

// Train fits a model to the documents' gold spans with the averaged
// structured perceptron.
func Train(docs []corpus.Doc, opt TrainOptions) *Model {
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	exs := examples(docs, opt.Bits)
	logf("%d sentences", len(exs))
	nw := (1 << opt.Bits) * nTags
	p := &perceptron{w: make([]float64, nw), u: make([]float64, nw),
		tw: make([]float64, (nTags+1)*nTags), tu: make([]float64, (nTags+1)*nTags), step: 1}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var em []float64
	var back, pred []uint8
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, i := range order {
			ex := &exs[i]
			n := len(ex.gold)
			if n == 0 {
				continue
			}
			em = slices.Grow(em[:0], n*nTags)[:n*nTags]
			back = slices.Grow(back[:0], n*nTags)[:n*nTags]
			pred = slices.Grow(pred[:0], n)[:n]
			p.emissions(ex, em)
			viterbi(em, p.tw, n, back, pred)
			errs += p.update(ex, pred)
			toks += n
			p.step++
		}
		logf("epoch %d: %d/%d tokens wrong", ep+1, errs, toks)
	}
	return p.quantise(opt.Bits)
}

func (p *perceptron) emissions(ex *example, em []float64) {
	clear(em)
	n := len(ex.gold)
	for k := 0; k < n; k++ {
		e := em[k*nTags : (k+1)*nTags]
		for _, b := range ex.feats[k*nFeats : (k+1)*nFeats] {
			row := p.w[int(b)*nTags : int(b)*nTags+nTags]
			for t := range e {
				e[t] += row[t]
			}
		}
	}
}

// update applies the perceptron update for one sentence and returns the
// number of wrong tags.
func (p *perceptron) update(ex *example, pred []uint8) int {
	wrong := 0
	prevG, prevP := 0, 0 // row 0: sentence start
	for k, g := range ex.gold {
		q := pred[k]
		if g != q {
			wrong++
			for _, b := range ex.feats[k*nFeats : (k+1)*nFeats] {
				p.add(p.w, p.u, int(b)*nTags+int(g), 1)
				p.add(p.w, p.u, int(b)*nTags+int(q), -1)
			}
		}
		if g != q || prevG != prevP {
			p.add(p.tw, p.tu, prevG*nTags+int(g), 1)
			p.add(p.tw, p.tu, prevP*nTags+int(q), -1)
		}
		prevG, prevP = int(g)+1, int(q)+1
	}
	return wrong
}

func (p *perceptron) add(w, u []float64, i int, d float64) {
	w[i] += d
	u[i] += d * p.step
}

// quantise averages the weights and maps them to int8 with one scale. The
// scale clips the largest 0.01% of weights so that the rest keep resolution.
func (p *perceptron) quantise(bits uint8) *Model {
	avg := func(w, u []float64) []float64 {
		out := make([]float64, len(w))
		for i := range w {
			out[i] = w[i] - u[i]/p.step
		}
		return out
	}
	w, tw := avg(p.w, p.u), avg(p.tw, p.tu)
	var mags []float64
	for _, x := range w {
		if x != 0 {
			mags = append(mags, math.Abs(x))
		}
	}
	slices.Sort(mags)
	clip := 1.0
	if len(mags) > 0 {
		clip = mags[min(len(mags)-1, len(mags)*9999/10000)]
	}
	m := &Model{bits: bits, scale: float32(clip / 127), w: make([]int8, len(w))}
	for i, x := range w {
		m.w[i] = int8(max(-127, min(127, math.Round(x/clip*127))))
	}
	for i, x := range tw {
		m.trans[i] = int32(math.Round(x / clip * 127))
	}
	return m
}
