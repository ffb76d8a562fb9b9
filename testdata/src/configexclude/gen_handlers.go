package configexclude

import "net/http"

func generated(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot)
}
