package claims

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"math"
	"sync"

	"github.com/dossier-reader/dossier/extract/text"
)

// modelBits is the size of the hashed feature space: 2^18 weights, 512 KB
// as int16 before compression.
const modelBits = 20

// cueThreshold is the perceptron score above which a token is a cue, tuned
// on polnear-dev (the perceptron's own boundary is 0).
const cueThreshold = -3

// cueModelGz is the cue classifier learned from polnear-train by cmd/train.
//
//go:embed cue.model.gz
var cueModelGz []byte

// claimModelGz is the claim classifier's gate model, the span chooser and
// the decision model (decide.go, alts.go) learned by cmd/train.
//
//go:embed claim.model.gz
var claimModelGz []byte

// modelSet holds the cue classifier, the rankers of content starts and
// ends (boundary.go), the claim classifier's gate and decision models
// (decide.go) and the chooser among a frame's content spans (alts.go).
// Training uses sets learned on other folds of the data.
type modelSet struct{ cue, start, end, claim, choose, dec *model }

// embedded is the model set decoded from the embedded files, on first use:
// decoding takes tens of milliseconds, which "dossier --help" and the other
// commands that never tag should not pay at start-up.
var (
	embeddedOnce sync.Once
	embedded     modelSet
)

// Preload decodes the embedded models now rather than on the first Find.
func Preload() { embeddedModels() }

// embeddedModels returns the embedded model set, decoding it once.
func embeddedModels() *modelSet {
	embeddedOnce.Do(func() {
		ms, cs := decodeModels(cueModelGz, 3), decodeModels(claimModelGz, 3)
		cs[0].bt = newBoundTables(cs[0])
		if len(ms[1].q) > 0 { // an empty model scores -1 (score)
			ms[1].st = newStartTables(ms[1])
		}
		if len(ms[2].q) > 0 {
			ms[2].et = newEndTables(ms[2])
		}
		embedded = modelSet{ms[0], ms[1], ms[2], cs[0], cs[1], cs[2]}
	})
	return &embedded
}

// model is a linear classifier over hashed features.
//
// The weights stay quantized as in the file: float32(q)*scale is the very
// float32 a decoded weight would hold, and the int16 table is half the
// memory, which the random reads of hashed features feel.
type model struct {
	q     []int16
	scale float32
	cc    cueCache     // the cue features' weights by word type (cuetype.go)
	bt    *boundTables // a claim model's bounds (gate.go)
	st    *startTables // the start ranker's tables (boundary.go)
	et    *endTables   // the end ranker's tables (boundary.go)
}

// score sums the weights of the features.
func (m *model) score(fs []uint32) float32 {
	if len(m.q) == 0 {
		return -1
	}
	mask := uint32(len(m.q) - 1)
	var s float32
	for _, f := range fs {
		s += float32(float32(m.q[f&mask]) * m.scale)
	}
	return s
}

// markCues sets fCand on the tokens whose cue score makes them candidates
// (the claim classifier decides) and fCue on those the classifier takes
// for cue heads (they shape the frames of other cues: a content ends
// before a coordinated cue, a source phrase stops at one).
func (d *doc) markCues(sents []text.Sentence) {
	var ts []*cueType
	if d.tc != nil { // the infos and most types are cached (typecache.go)
		if len(d.m.cue.q) > 0 {
			d.fillCueTypes(d.tc, d.inf, d.cts)
			ts = d.cts
		} else {
			for i := range d.toks {
				d.inf[i].cls = d.wordClass(i)
			}
		}
	} else {
		d.inf = d.infos()
		if len(d.m.cue.q) > 0 {
			ts = d.m.cue.cueTypes(d.inf, nil)
		}
	}
	inf := d.inf
	if d.tc != nil {
		d.tc.cueScore = zeroed(d.tc.cueScore, len(d.toks))
		d.cueScore = d.tc.cueScore
	} else {
		d.cueScore = make([]float32, len(d.toks))
	}
	buf := make([]uint32, 0, 32)
	// The bounds and the layout of a sentence, kept in the cache if any.
	var bs []cueBound
	var toks []cueTok
	if d.tc != nil {
		bs, toks = d.tc.bounds, d.tc.toks
	}
	for _, s := range sents {
		if s.First < 0 || s.Last > len(d.toks) || s.First >= s.Last {
			continue
		}
		if ts == nil {
			for i := s.First; i < s.Last; i++ {
				if d.cueScored(i) {
					buf = d.cueFeatures(inf, i, s.First, s.Last, buf[:0])
					sc := d.m.cue.score(buf)
					cand, cue := d.marks(i, s.First, s.Last, sc)
					d.setMarks(i, sc, cand, cue)
				}
			}
			continue
		}
		// The bounds of the sentence's scored tokens first (boundedCueScore).
		toks, bs = d.cueLayout(ts, s.First, s.Last, toks, bs)
		if d.tc != nil {
			d.tc.sink += touchTypes(ts, toks, bs, s.First)
		}
		for k := range bs {
			i := int(bs[k].at)
			d.m.cue.cueBoundSlots(ts[i], window(toks, i, s.First), &bs[k])
		}
		readBounds(d.m.cue, bs)
		for k := range bs {
			i := int(bs[k].at)
			sc, cand, cue := d.finishCueScore(ts[i], window(toks, i, s.First), s.First, s.Last, &bs[k])
			d.setMarks(i, sc, cand, cue)
		}
	}
	if d.tc != nil {
		d.tc.bounds, d.tc.toks = bs, toks
	}
}

// setMarks sets the flags of token i that marks tells from its cue score
// sc, and the score of a candidate.
func (d *doc) setMarks(i int, sc float32, cand, cue bool) {
	if cand {
		d.flags[i] |= fCand
		d.cueScore[i] = sc
	}
	if cue {
		d.flags[i] |= fCue
	}
}

// cueScored tells whether markCues scores token i: words and colons.
func (d *doc) cueScored(i int) bool {
	return d.flags[i]&fWord != 0 || d.toks[i].Text == ":"
}

// marks tells whether a cue score sc makes token i of the sentence [first,
// last) a candidate (fCand) and a cue (fCue). It must stay monotone in
// sc (a higher score never marks less): boundedCueScore relies on it.
func (d *doc) marks(i, first, last int, sc float32) (cand, cue bool) {
	if sc <= minThreshold { // 37k of the 44k scored tokens of conll2003-dev
		return false, false
	}
	return sc > candThreshold, sc > cueThreshold || d.strongFrame(i, first, last, sc)
}

// minThreshold is the lowest of marks' thresholds: a score at or below it
// marks nothing.
const minThreshold = min(candThreshold, cueThreshold, lowThreshold, quotedCueThreshold)

// encodeModels quantizes each weight vector to int16 and gzips them all:
// per vector a header of its bit count and scale, then the weights,
// little-endian.
func encodeModels(ws ...[]float32) []byte {
	var raw bytes.Buffer
	for _, w := range ws {
		var peak float64
		for _, x := range w {
			peak = math.Max(peak, math.Abs(float64(x)))
		}
		scale := float32(1)
		if peak > 0 {
			scale = float32(peak / 32767)
		}
		bits := byte(0)
		for 1<<bits < len(w) {
			bits++
		}
		raw.WriteByte(bits)
		binary.Write(&raw, binary.LittleEndian, scale)
		q := make([]int16, len(w))
		for i, x := range w {
			q[i] = int16(math.Round(float64(x / scale)))
		}
		binary.Write(&raw, binary.LittleEndian, q)
	}
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	zw.Write(raw.Bytes())
	zw.Close()
	return out.Bytes()
}

// decodeModels reads n models written by encodeModels; a damaged or
// missing model decodes empty (it scores every feature set -1).
func decodeModels(gz []byte, n int) []*model {
	out := make([]*model, n)
	for i := range out {
		out[i] = &model{}
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return out
	}
	raw, err := io.ReadAll(zr)
	for i := 0; i < n && err == nil && len(raw) >= 5 && raw[0] <= 24 && len(raw) >= 5+2<<raw[0]; i++ {
		scale := math.Float32frombits(binary.LittleEndian.Uint32(raw[1:5]))
		q := make([]int16, 1<<raw[0])
		for k := range q {
			q[k] = int16(binary.LittleEndian.Uint16(raw[5+2*k:]))
		}
		out[i].q, out[i].scale = q, scale
		raw = raw[5+2<<raw[0]:]
	}
	return out
}

// lowThreshold is the lower score a token needs to be a cue when a strong
// frame follows it (strongFrame), tuned on polnear-dev: the classifier
// misses many rare cues ("seized on Trump's claim that …") whose frame
// alone tells them.
const lowThreshold = -12

// strongFrame reports a frame that makes token i of the sentence [first,
// last), scored sc, a likely cue even on a low score: "that" or an opening
// quotation mark right after it, or, on a lower score still (the
// classifier has seldom seen a quoted cue), a quotation it opens after a
// name (Blinken “reaffirmed …”).
func (d *doc) strongFrame(i, first, last int, sc float32) bool {
	if sc > lowThreshold && i+1 < last && (d.toks[i+1].Text == "that" || d.flags[i+1]&fOpen != 0) {
		return true
	}
	return sc > quotedCueThreshold && d.quotedCue(i, first)
}

// quotedCueThreshold is the score a cue needs inside a quotation that
// opens after a name (tuned on polnear-dev and the seed).
const quotedCueThreshold = -20
