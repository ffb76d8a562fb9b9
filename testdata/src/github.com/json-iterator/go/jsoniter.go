// Package jsoniter is a stub of github.com/json-iterator/go: the
// signatures the analyzer's model names, and no encoding.
package jsoniter

import "io"

type API interface {
	Marshal(v any) ([]byte, error)
	MarshalToString(v any) (string, error)
	MarshalIndent(v any, prefix, indent string) ([]byte, error)
	Unmarshal(data []byte, v any) error
	NewEncoder(w io.Writer) *Encoder
}

type Config struct{}

type frozenConfig struct{}

func (frozenConfig) Marshal(v any) ([]byte, error)                              { return nil, nil }
func (frozenConfig) MarshalToString(v any) (string, error)                      { return "", nil }
func (frozenConfig) MarshalIndent(v any, prefix, indent string) ([]byte, error) { return nil, nil }
func (frozenConfig) Unmarshal(data []byte, v any) error                         { return nil }
func (frozenConfig) NewEncoder(w io.Writer) *Encoder                            { return &Encoder{w: w} }

func (Config) Froze() API { return frozenConfig{} }

var (
	ConfigDefault                       API = frozenConfig{}
	ConfigCompatibleWithStandardLibrary API = frozenConfig{}
	ConfigFastest                       API = frozenConfig{}
)

func Marshal(v any) ([]byte, error)                              { return nil, nil }
func MarshalToString(v any) (string, error)                      { return "", nil }
func MarshalIndent(v any, prefix, indent string) ([]byte, error) { return nil, nil }
func Unmarshal(data []byte, v any) error                         { return nil }

type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder    { return &Encoder{w: w} }
func (e *Encoder) Encode(v any) error    { return nil }
func (e *Encoder) SetIndent(p, i string) {}
