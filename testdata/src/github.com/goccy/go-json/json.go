// Package json is a stub of github.com/goccy/go-json: the signatures the
// analyzer's model names, and no encoding.
package json

import (
	"context"
	"io"
)

type EncodeOptionFunc func(*int)

func Marshal(v any) ([]byte, error)                                     { return nil, nil }
func MarshalNoEscape(v any) ([]byte, error)                             { return nil, nil }
func MarshalIndent(v any, prefix, indent string) ([]byte, error)        { return nil, nil }
func MarshalWithOption(v any, opts ...EncodeOptionFunc) ([]byte, error) { return nil, nil }
func MarshalContext(ctx context.Context, v any, opts ...EncodeOptionFunc) ([]byte, error) {
	return nil, nil
}
func Unmarshal(data []byte, v any) error { return nil }

type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder                                     { return &Encoder{w: w} }
func (e *Encoder) Encode(v any) error                                     { return nil }
func (e *Encoder) EncodeWithOption(v any, opts ...EncodeOptionFunc) error { return nil }
func (e *Encoder) EncodeContext(ctx context.Context, v any, opts ...EncodeOptionFunc) error {
	return nil
}
