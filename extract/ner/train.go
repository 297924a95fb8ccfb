package ner

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/dossier-reader/dossier/extract/internal/evaldata"
	"github.com/dossier-reader/dossier/extract/text"
)

// TrainOptions control Train.
type TrainOptions struct {
	Bits   uint8  // log2 of the number of hashed feature buckets
	Epochs int    // passes over the training sentences
	Seed   uint64 // shuffling seed; the same seed gives the same model
	Logf   func(format string, args ...any)
	// Unlabeled is plain news text from which the common-word set is
	// learned (casing.go) along with the training documents' text, and the
	// word profile (profile.go).
	Unlabeled []string
	// NoProfile leaves the word profile out.
	NoProfile bool
	// ProfileEpochs is the number of epochs of the preliminary stage that
	// tags Unlabeled for the profile (0: Epochs/2).
	ProfileEpochs int
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
func GoldTags(a *text.Analysis, d *evaldata.Doc) []uint8 {
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

// prepared is a training document analysed once.
type prepared struct {
	a     *text.Analysis
	gold  []uint8
	infos []tokInfo
	affs  []affixes
}

func prepare(docs []evaldata.Doc, common casing) []prepared {
	out := make([]prepared, len(docs))
	s := scratch{common: common}
	for i := range docs {
		a := text.Analyze(docs[i].Text)
		infos, affs := docInfo(a, &s)
		out[i] = prepared{a: a, gold: GoldTags(a, &docs[i]), infos: infos, affs: affs}
	}
	return out
}

// examples turns documents into training sentences for a stage.
func examples(docs []prepared, bits uint8, second bool) []example {
	var out []example
	var feats []uint64
	mask := uint64(1)<<bits - 1
	for _, d := range docs {
		for _, se := range d.a.Sentences {
			feats = sentFeatures(d.infos[se.First:se.Last], d.affs[se.First:se.Last], second, feats)
			ex := example{feats: make([]uint32, len(feats)), gold: slices.Clone(d.gold[se.First:se.Last])}
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
	w, u   []float64
	tw, tu []float64
	step   float64
	nf     int
}

// folds is the number of parts the training documents are cut into to give
// the second stage first-stage tags it was not trained on (jackknifing):
// tags on training text would be too good and the second stage would learn
// to trust them blindly.
const folds = 5

// Train fits a model to the documents' gold spans: a first stage; first-stage
// tags for every document from models trained without it; a second stage on
// those.
func Train(docs []evaldata.Doc, opt TrainOptions) *Model {
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	texts := slices.Clone(opt.Unlabeled)
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	common := learnCasing(texts)
	ps := prepare(docs, common)
	var prof profile
	if len(opt.Unlabeled) > 0 && !opt.NoProfile {
		o := opt
		if o.Epochs = opt.ProfileEpochs; o.Epochs <= 0 {
			o.Epochs = max(1, opt.Epochs/2)
		}
		pre := &Model{first: trainStage(examples(ps, opt.Bits, false), o, false), common: common}
		prof = learnProfile(pre, opt.Unlabeled)
		for _, d := range ps {
			for i := range d.infos {
				d.infos[i].prof = prof.class(d.infos[i].lower)
			}
		}
	}
	m := &Model{first: trainStage(examples(ps, opt.Bits, false), opt, false), common: common, prof: prof}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var in, out []prepared
			for i := range ps {
				if i%folds == f {
					out = append(out, ps[i])
				} else {
					in = append(in, ps[i])
				}
			}
			o := opt
			o.Logf = func(string, ...any) {}
			st := trainStage(examples(in, opt.Bits, false), o, false)
			tg := tagger{s: scratch{common: common, prof: prof}}
			for _, d := range out { // distinct documents per fold: no data race
				tags := make([]uint8, len(d.a.Tokens))
				st.tag(d.a, d.infos, d.affs, &tg, tags)
				stack(d.infos, tags, &tg.s.words)
			}
		}()
	}
	wg.Wait()
	m.second = trainStage(examples(ps, opt.Bits, true), opt, true)
	m.fuse()
	return m
}

// trainStage runs the averaged perceptron over the sentences.
func trainStage(exs []example, opt TrainOptions, second bool) *stage {
	nw := (1 << opt.Bits) * nTags
	p := &perceptron{w: make([]float64, nw), u: make([]float64, nw),
		tw: make([]float64, (nTags+1)*nTags), tu: make([]float64, (nTags+1)*nTags), step: 1,
		nf: featCount(second)}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var em []float64
	var back, pred []uint8
	trans := make([]float64, len(p.tw))
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
			maskTrans(trans, p.tw)
			viterbi(em, trans, n, back, pred)
			errs += p.update(ex, pred)
			toks += n
			p.step++
		}
		opt.Logf("stage %d epoch %d: %d/%d tokens wrong", 1+b2i(second), ep+1, errs, toks)
	}
	return p.quantise(opt.Bits)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *perceptron) emissions(ex *example, em []float64) {
	clear(em)
	n := len(ex.gold)
	for k := 0; k < n; k++ {
		e := em[k*nTags : (k+1)*nTags]
		for _, b := range ex.feats[k*p.nf : (k+1)*p.nf] {
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
			for _, b := range ex.feats[k*p.nf : (k+1)*p.nf] {
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
func (p *perceptron) quantise(bits uint8) *stage {
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
	m := &stage{bits: bits, scale: float32(clip / 127), w: make([]int8, len(w))}
	for i, x := range w {
		m.w[i] = int8(max(-127, min(127, math.Round(x/clip*127))))
	}
	for i, x := range tw {
		m.trans[i] = int32(math.Round(x / clip * 127))
	}
	maskTrans(m.mtrans[:], m.trans[:])
	return m
}
