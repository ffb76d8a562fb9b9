package claims

// claims holds handlers about which the leak analysis could claim what is
// not so: a (T, error) call's T taken for error text, a field set in a
// branch that returns, an encoder's error said to echo client input, and a
// cycle of variables; each next to the true finding it must keep.

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"example.com/tokens"
)

func token(w http.ResponseWriter, r *http.Request) {
	tok, err := tokens.CreateToken(r.FormValue("user"))
	if err != nil {
		JSONResponse(w, message{Message: "cannot sign"}, http.StatusInternalServerError)
		return
	}
	w.Write([]byte(tok))
}

func tokenError(w http.ResponseWriter, r *http.Request) {
	_, err := tokens.CreateToken(r.FormValue("user"))
	if err != nil {
		w.Write([]byte(err.Error())) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
	}
}

func page(w http.ResponseWriter, r *http.Request) {
	page, err := tokens.Expander{Name: "index", Data: r.URL.Query()}.ExpandHTML([]string{"index.html"})
	if err != nil {
		JSONResponse(w, message{Message: "cannot render"}, http.StatusInternalServerError)
		return
	}
	w.Write([]byte(page))
}

func pageError(w http.ResponseWriter, r *http.Request) {
	page, err := tokens.Expander{Name: "index"}.ExpandHTML(nil)
	if err != nil {
		page = err.Error()
	}
	w.Write([]byte(page)) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func explained(w http.ResponseWriter, r *http.Request) {
	_, err := tokens.CreateToken("")
	page, _ := tokens.Explain(err)
	w.Write([]byte(page)) // want `^error text from tokens.Explain\(err\) reaches the response body via w.Write$`
}

func encoded(w http.ResponseWriter, r *http.Request) { // want encoded:`summary\(body=1\)`
	body, err := json.Marshal(r.URL.Query())
	if err != nil {
		JSONResponse(w, message{Message: "cannot encode"}, http.StatusInternalServerError)
		return
	}
	w.Write(body)
}

type message struct {
	Message string `json:"message"`
}

// JSONResponse writes v as JSON with the status.
func JSONResponse(w http.ResponseWriter, v any, status int) { // want JSONResponse:`summary\(body=1 status=2 json=1@p2\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fieldInABranchThatReturns(w http.ResponseWriter, r *http.Request) {
	var msg message
	if _, err := strconv.Atoi(r.FormValue("n")); err != nil {
		msg.Message = err.Error()
		JSONResponse(w, message{Message: "bad n"}, http.StatusBadRequest)
		return
	}
	JSONResponse(w, msg, http.StatusOK)
}

func fieldInASwitchCaseThatReturns(w http.ResponseWriter, r *http.Request) {
	var msg message
	switch _, err := url.Parse(r.FormValue("u")); {
	case err != nil:
		msg.Message = err.Error()
		return
	default:
		msg.Message = "parsed"
	}
	JSONResponse(w, msg, http.StatusOK)
}

func fieldInABranchThatFallsThrough(w http.ResponseWriter, r *http.Request) {
	var msg message
	if _, err := time.Parse(time.RFC3339, r.FormValue("t")); err != nil {
		msg.Message = err.Error()
	}
	JSONResponse(w, msg, http.StatusOK) // want `^error text from err.Error\(\), which echoes client input \(time.Parse\), reaches the response body via JSONResponse$`
}

func nestedFieldInABranchThatReturns(w http.ResponseWriter, r *http.Request) {
	var resp struct{ Error message }
	if _, err := json.Marshal(r.Context()); err != nil {
		resp.Error.Message = err.Error()
		return
	}
	JSONResponse(w, resp, http.StatusOK)
}

func marshalError(w http.ResponseWriter, r *http.Request) {
	if _, err := json.Marshal(r.Context()); err != nil {
		JSONResponse(w, message{Message: err.Error()}, http.StatusInternalServerError) // want `^error text from err.Error\(\) reaches the response body via JSONResponse$`
	}
}

func encodeError(w http.ResponseWriter, r *http.Request) {
	if err := json.NewEncoder(w).Encode(r.Context()); err != nil {
		JSONResponse(w, message{Message: err.Error()}, http.StatusInternalServerError) // want `^error text from err.Error\(\) reaches the response body via JSONResponse$`
	}
}

func decodeError(w http.ResponseWriter, r *http.Request) {
	var v struct{ N int }
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		JSONResponse(w, message{Message: err.Error()}, http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(json.Decode\), reaches the response body via JSONResponse$`
	}
}

func unmarshalError(w http.ResponseWriter, r *http.Request) {
	var v struct{ N int }
	err := json.Unmarshal([]byte(r.FormValue("v")), &v)
	JSONResponse(w, message{Message: err.Error()}, http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(json.Unmarshal\), reaches the response body via JSONResponse$`
}

func atoiError(w http.ResponseWriter, r *http.Request) {
	_, err := strconv.Atoi(r.FormValue("n"))
	JSONResponse(w, message{Message: err.Error()}, http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(strconv.Atoi\), reaches the response body via JSONResponse$`
}

func urlError(w http.ResponseWriter, r *http.Request) {
	_, err := url.ParseQuery(r.FormValue("q"))
	JSONResponse(w, message{Message: err.Error()}, http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(url.ParseQuery\), reaches the response body via JSONResponse$`
}

func timeError(w http.ResponseWriter, r *http.Request) {
	_, err := time.ParseDuration(r.FormValue("d"))
	JSONResponse(w, message{Message: err.Error()}, http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(time.ParseDuration\), reaches the response body via JSONResponse$`
}
