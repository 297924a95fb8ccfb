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

// The model file format (little-endian) is the magic "DNERv4\x00\x00", a
// byte holding the number of stages (1 or 2), then each stage, then the
// common-word set (casing.go: uint32 length in words, then the words), then
// the word profile (profile.go: uint32 length, uint32 compressed size, the
// flate-compressed bytes; length 0 for none). A stage is:
//
//	bits    uint8   log2 of the feature buckets
//	tags    uint8   nTags (must match the code)
//	feats   uint8   features per token (must match the code: a guard against a stale model)
//	scale   float32
//	trans   [(nTags+1)*nTags]int32
//	size    uint32  length of the compressed weights
//	weights flate-compressed [buckets*nTags]int8
//
// Most buckets of rare features hold small weights that quantise to zero, so
// the weights compress several times; inflating them takes a few ms.
const magic = "DNERv4\x00\x00"

// MarshalBinary encodes the model in the model file format.
func (m *Model) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(magic)
	stages := []*stage{m.first}
	if m.second != nil {
		stages = append(stages, m.second)
	}
	buf.WriteByte(byte(len(stages)))
	for i, st := range stages {
		if err := st.marshal(&buf, featCount(i == 1)); err != nil {
			return nil, err
		}
	}
	binary.Write(&buf, binary.LittleEndian, uint32(len(m.common)))
	binary.Write(&buf, binary.LittleEndian, []uint64(m.common))
	binary.Write(&buf, binary.LittleEndian, uint32(len(m.prof)))
	if err := writeCompressed(&buf, m.prof); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeCompressed writes the size of the flate-compressed b, then it.
func writeCompressed(buf *bytes.Buffer, b []byte) error {
	var z bytes.Buffer
	zw, err := flate.NewWriter(&z, flate.DefaultCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	binary.Write(buf, binary.LittleEndian, uint32(z.Len()))
	buf.Write(z.Bytes())
	return nil
}

// readCompressed reads what writeCompressed wrote into b (its length known).
func readCompressed(r *bytes.Reader, b []byte) error {
	var size uint32
	if err := binary.Read(r, binary.LittleEndian, &size); err != nil {
		return err
	}
	if int64(size) > int64(r.Len()) {
		return errors.New("ner: truncated model")
	}
	if _, err := io.ReadFull(flate.NewReader(io.LimitReader(r, int64(size))), b); err != nil {
		return fmt.Errorf("ner: model data: %v", err)
	}
	return nil
}

func (m *stage) marshal(buf *bytes.Buffer, nf int) error {
	buf.Write([]byte{m.bits, nTags, byte(nf)})
	binary.Write(buf, binary.LittleEndian, math.Float32bits(m.scale))
	binary.Write(buf, binary.LittleEndian, m.trans[:])
	w := make([]byte, len(m.w))
	for i, x := range m.w {
		w[i] = byte(x)
	}
	return writeCompressed(buf, w)
}

// UnmarshalModel decodes a model file.
func UnmarshalModel(data []byte) (*Model, error) {
	if len(data) < len(magic)+1 || string(data[:len(magic)]) != magic {
		return nil, errors.New("ner: not a model file")
	}
	n := int(data[len(magic)])
	if n < 1 || n > 2 {
		return nil, fmt.Errorf("ner: model has %d stages", n)
	}
	r := bytes.NewReader(data[len(magic)+1:])
	m := new(Model)
	for i := 0; i < n; i++ {
		st, err := unmarshalStage(r, featCount(i == 1))
		if err != nil {
			return nil, err
		}
		if i == 0 {
			m.first = st
		} else {
			m.second = st
		}
	}
	var n64 uint32
	if err := binary.Read(r, binary.LittleEndian, &n64); err != nil {
		return nil, err
	}
	if int64(n64)*8 > int64(r.Len()) || n64&(n64-1) != 0 {
		return nil, errors.New("ner: bad common-word set")
	}
	m.common = make(casing, n64)
	if err := binary.Read(r, binary.LittleEndian, []uint64(m.common)); err != nil {
		return nil, err
	}
	var np uint32
	if err := binary.Read(r, binary.LittleEndian, &np); err != nil {
		return nil, err
	}
	if np > 1<<24 || np&(np-1) != 0 {
		return nil, errors.New("ner: bad profile")
	}
	if np > 0 {
		m.prof = make(profile, np)
		if err := readCompressed(r, m.prof); err != nil {
			return nil, err
		}
	}
	if m.second != nil && m.second.bits != m.first.bits {
		return nil, errors.New("ner: stages of different sizes")
	}
	m.fuse()
	return m, nil
}

func unmarshalStage(r *bytes.Reader, nf int) (*stage, error) {
	var hdr [3]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	m := &stage{bits: hdr[0]}
	if hdr[1] != nTags || int(hdr[2]) != nf || m.bits > 28 {
		return nil, fmt.Errorf("ner: model built for %d tags, %d features; code has %d, %d", hdr[1], hdr[2], nTags, nf)
	}
	var sc uint32
	if err := binary.Read(r, binary.LittleEndian, &sc); err != nil {
		return nil, err
	}
	m.scale = math.Float32frombits(sc)
	if err := binary.Read(r, binary.LittleEndian, m.trans[:]); err != nil {
		return nil, err
	}
	maskTrans(m.mtrans[:], m.trans[:])
	w := make([]byte, m.buckets()*nTags)
	if err := readCompressed(r, w); err != nil {
		return nil, err
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

// Preload decodes the embedded model now rather than on the first Find.
func Preload() { defaultModel() }

// defaultModel returns the embedded model, decoded once on first use. A
// broken embedded model is a build error, so it panics.
func defaultModel() *Model {
	loadOnce.Do(func() { loaded, loadErr = UnmarshalModel(modelFile) })
	if loadErr != nil {
		panic(loadErr)
	}
	return loaded
}
