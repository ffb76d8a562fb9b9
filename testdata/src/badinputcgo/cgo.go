// Package badinputcgo has handlers in a file that uses cgo: the analyzer
// sees the files cgo generates, with line directives back to this one.
package badinputcgo

/*
#include <stdlib.h>

static int answer(void) { return 42; }
*/
import "C"

import (
	"fmt"
	"net/http"
	"unsafe"
)

func handler(w http.ResponseWriter, r *http.Request) {
	if C.answer() != 42 {
		http.Error(w, "wrong answer", http.StatusInternalServerError) // want `^http.Error bypasses`
		return
	}
	p := C.malloc(16)
	defer C.free(unsafe.Pointer(p))
	fmt.Fprintf(w, "%d", int(C.answer()))
}

func leak(w http.ResponseWriter, err error) {
	w.Write([]byte(err.Error())) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}
