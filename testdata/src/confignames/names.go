// Package confignames's errcontract.yaml names things that do not exist or
// are not what the keys take.
package confignames

import (
	"net/http"
	"strings"
)

var Limit = 10

// Wrapper's Write is promoted from strings.Builder.
type Wrapper struct{ strings.Builder }

func Build(w http.ResponseWriter) {}

func Write(w http.ResponseWriter, err error) {}
