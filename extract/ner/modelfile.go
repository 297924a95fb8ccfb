package ner

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// The model file format (little-endian):
//
//	magic   [8]byte "DNERv1\x00\x00"
//	bits    uint8   log2 of the feature buckets
//	tags    uint8   nTags (must match the code)
//	feats   uint8   nFeats (must match the code: a guard against a stale model)
//	scale   float32
//	trans   [(nTags+1)*nTags]int32
//	weights flate-compressed [buckets*nTags]int8
//
// Most buckets of rare features hold small weights that quantise to zero, so
// the weights compress several times; inflating them takes a few ms.
const magic = "DNERv1\x00\x00"

// MarshalBinary encodes the model in the model file format.
func (m *Model) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.Write([]byte{m.bits, nTags, nFeats})
	binary.Write(&buf, binary.LittleEndian, math.Float32bits(m.scale))
	binary.Write(&buf, binary.LittleEndian, m.trans[:])
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w := make([]byte, len(m.w))
	for i, x := range m.w {
		w[i] = byte(x)
	}
	if _, err := zw.Write(w); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalModel decodes a model file.
func UnmarshalModel(data []byte) (*Model, error) {
	if len(data) < len(magic)+3+4 || string(data[:len(magic)]) != magic {
		return nil, errors.New("ner: not a model file")
	}
	hdr := data[len(magic):]
	m := &Model{bits: hdr[0]}
	if hdr[1] != nTags || hdr[2] != nFeats || m.bits > 28 {
		return nil, fmt.Errorf("ner: model built for %d tags, %d features; code has %d, %d", hdr[1], hdr[2], nTags, nFeats)
	}
	r := bytes.NewReader(hdr[3:])
	var sc uint32
	if err := binary.Read(r, binary.LittleEndian, &sc); err != nil {
		return nil, err
	}
	m.scale = math.Float32frombits(sc)
	if err := binary.Read(r, binary.LittleEndian, m.trans[:]); err != nil {
		return nil, err
	}
	w := make([]byte, m.buckets()*nTags)
	if _, err := io.ReadFull(flate.NewReader(r), w); err != nil {
		return nil, fmt.Errorf("ner: model weights: %v", err)
	}
	m.w = make([]int8, len(w))
	for i, x := range w {
		m.w[i] = int8(x)
	}
	return m, nil
}

//go:embed model.bin
var modelFile []byte

var (
	loadOnce sync.Once
	loaded   *Model
	loadErr  error
)

// defaultModel returns the embedded model, decoded once on first use. A
// broken embedded model is a build error, so it panics.
func defaultModel() *Model {
	loadOnce.Do(func() { loaded, loadErr = UnmarshalModel(modelFile) })
	if loadErr != nil {
		panic(loadErr)
	}
	return loaded
}
