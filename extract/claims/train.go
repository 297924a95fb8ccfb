package claims

import (
	"math/rand/v2"
	"strings"

	"github.com/dossier-reader/dossier/extract/text"
)

// TrainingClaim is one gold claim of a TrainingDoc, in byte spans.
type TrainingClaim struct {
	Cue     *text.Span // nil when the annotation has no cue
	Content text.Span
	Pieces  []text.Span
}

// TrainingDoc is an annotated text, the input of TrainModels.
type TrainingDoc struct {
	Text   string
	Claims []TrainingClaim
}

// cueAux, with skipBeforeCue, are words of a gold cue span that are not its
// head ("has said", "is expected to"): the head is the first other token.
var cueAux = set(`has have had is are was were be been will would also not did does do 's ’s could can to`)

// avg is an averaged perceptron over hashed features in training.
type avg struct {
	w, u []float32
	c    float32
	mask uint32
}

func newAvg(bits int) *avg {
	n := 1 << bits
	return &avg{w: make([]float32, n), u: make([]float32, n), c: 1, mask: uint32(n - 1)}
}

func (p *avg) score(fs []uint32) float32 {
	var s float32
	for _, f := range fs {
		s += p.w[f&p.mask]
	}
	return s
}

func (p *avg) update(fs []uint32, y float32) {
	for _, f := range fs {
		p.w[f&p.mask] += y
		p.u[f&p.mask] += y * p.c
	}
}

// final returns the averaged weights.
func (p *avg) final() []float32 {
	out := make([]float32, len(p.w))
	for i := range out {
		out[i] = p.w[i] - p.u[i]/p.c
	}
	return out
}

// example is one cue-training token: its features and whether it heads a cue.
type example struct {
	fs  []uint32
	cue bool
}

// rankExample is one boundary choice: the features of each candidate and
// the index of the gold one.
type rankExample struct {
	cands [][]uint32
	gold  int
}

// TrainModels learns the cue classifier (a binary averaged perceptron over
// every token) and the content start and end rankers (averaged ranking
// perceptrons over the candidate boundaries of each gold claim whose
// content follows its cue), visiting the examples in a fixed pseudo-random
// order so that the result is deterministic. It returns the encoded models
// that cmd/train writes to cue.model.gz.
func TrainModels(docs []TrainingDoc, epochs int) []byte {
	var exs []example
	var starts, ends []rankExample
	for _, td := range docs {
		e, s, n := trainingExamples(td)
		exs, starts, ends = append(exs, e...), append(starts, s...), append(ends, n...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	cue := newAvg(modelBits)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, ex := range exs {
			y := float32(-1)
			if ex.cue {
				y = 1
			}
			if y*cue.score(ex.fs) <= 0 {
				cue.update(ex.fs, y)
			}
			cue.c++
		}
	}
	return encodeModels(cue.final(), trainRanker(starts, epochs, rng), trainRanker(ends, epochs, rng))
}

// trainRanker learns to pick the gold candidate of each example.
func trainRanker(exs []rankExample, epochs int, rng *rand.Rand) []float32 {
	p := newAvg(boundaryBits)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, ex := range exs {
			best, bestS := 0, float32(0)
			for k, fs := range ex.cands {
				if s := p.score(fs); k == 0 || s > bestS {
					best, bestS = k, s
				}
			}
			if best != ex.gold {
				p.update(ex.cands[ex.gold], 1)
				p.update(ex.cands[best], -1)
			}
			p.c++
		}
	}
	return p.final()
}

// trainingExamples turns one document into cue examples (every candidate
// token, positive when it heads a gold cue) and boundary examples.
func trainingExamples(td TrainingDoc) (cues []example, starts, ends []rankExample) {
	a := text.Analyze(td.Text)
	if len(a.Tokens) == 0 {
		return nil, nil, nil
	}
	d := newDoc(a)
	sents := d.sentences(a.Sentences)
	sentOf := make([]int, len(d.toks))
	for k, s := range sents {
		for i := max(s.First, 0); i < min(s.Last, len(d.toks)); i++ {
			sentOf[i] = k
		}
	}
	head := make([]bool, len(d.toks))
	inf := d.infos()
	for _, c := range td.Claims {
		h := d.cueHead(c.Cue)
		if h < 0 {
			continue
		}
		head[h] = true
		if len(c.Pieces) > 1 {
			continue
		}
		s := sents[sentOf[h]]
		if st, en, ok := d.goldContent(c.Content, h, s.Last); ok {
			if ex, ok := d.startExample(inf, h, s.Last, st); ok {
				starts = append(starts, ex)
			}
			if ex, ok := d.endExample(inf, h, st, s.Last, en); ok {
				ends = append(ends, ex)
			}
		}
	}
	for _, s := range sents {
		if s.First < 0 || s.Last > len(d.toks) || s.First >= s.Last {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if d.flags[i]&fWord == 0 && d.toks[i].Text != ":" {
				continue
			}
			cues = append(cues, example{d.cueFeatures(inf, i, s.First, s.Last, nil), head[i]})
		}
	}
	return cues, starts, ends
}

// cueHead is the token that heads a gold cue span, or -1.
func (d *doc) cueHead(c *text.Span) int {
	if c == nil {
		return -1
	}
	for i, t := range d.toks {
		lw := strings.ToLower(t.Text)
		if t.Start < c.End && c.Start < t.End && !cueAux[lw] && !skipBeforeCue[lw] {
			return i
		}
	}
	return -1
}

// goldContent maps a gold content that follows cue h inside its sentence
// (ending by last) to tokens: its first token and the end of its last word
// or closing quotation mark.
func (d *doc) goldContent(c text.Span, h, last int) (st, en int, ok bool) {
	if c.Start < d.toks[h].End {
		return 0, 0, false
	}
	st, en = -1, -1
	for i := h + 1; i < len(d.toks) && d.toks[i].Start < c.End; i++ {
		if d.toks[i].End > c.Start {
			if st < 0 {
				st = i
			}
			en = i + 1
		}
	}
	if st < 0 || st >= last {
		return 0, 0, false
	}
	r := d.trimEnd(rng{st, en})
	return r.a, r.b, !r.empty()
}
