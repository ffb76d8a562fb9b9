package chimux

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"

	"github.com/errcontract/errcontract/apierror"
)

type Entry struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

var errEmbargoed = errors.New("entry under embargo") // want errEmbargoed:`sentinel`

type feedStore interface {
	Entry(ctx context.Context, id int64) (*Entry, error)
	Publish(ctx context.Context, e Entry) error
}

type FeedAPI struct {
	Feed     feedStore
	Upstream *http.Client
	Source   string
	Log      *slog.Logger
	ReadOnly bool
}

func (a *FeedAPI) Router() *mux.Router {
	r := mux.NewRouter()
	r.Use(a.timing)
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apierror.Write(w, r, apierror.NotFound("no such route"))
	})
	r.HandleFunc("/entries/{id:[0-9]+}", a.getEntry).Methods(http.MethodGet)
	r.HandleFunc("/entries", a.publish).Methods(http.MethodPost)
	r.HandleFunc("/mirror/{path}", a.mirror).Methods(http.MethodGet)
	return r
}

func (a *FeedAPI) timing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		a.Log.Info("request", "path", r.URL.Path, "took", time.Since(start))
	})
}

func (a *FeedAPI) getEntry(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		http.NotFound(w, r) // want `^http.NotFound bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	}
	entry, err := a.Feed.Entry(r.Context(), id)
	if errors.Is(err, errEmbargoed) {
		status := http.StatusUnavailableForLegalReasons
		w.WriteHeader(status) // want `^status 451 is not documented by the contentful contract`
		return
	}
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)                                   // want `^WriteHeader\(500\) with a hand-written body`
		json.NewEncoder(w).Encode(map[string]string{"error": "lookup: " + err.Error()}) // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(entry)
}

func (a *FeedAPI) publish(w http.ResponseWriter, r *http.Request) {
	if a.ReadOnly {
		http.Error(w, "the feed is read-only during maintenance", http.StatusServiceUnavailable) // want `^http.Error bypasses` `^status 503 is not documented`
		return
	}
	var e Entry
	if err := json.NewDecoder(r.Body).Decode(&e); err != nil {
		a.Log.Warn("publish: bad body", "err", err)
		apierror.Write(w, r, apierror.BadRequest("the body is not a feed entry"))
		return
	}
	if err := a.Feed.Publish(r.Context(), e); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			a.Log.Warn("publish timed out", "id", e.ID)
		}
		apierror.Write(w, r, apierror.Internal(err))
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (a *FeedAPI) mirror(w http.ResponseWriter, r *http.Request) {
	resp, err := a.Upstream.Get(a.Source + "/" + mux.Vars(r)["path"])
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)       // want `^WriteHeader\(502\) with a hand-written body`
		fmt.Fprintf(w, "upstream failed: %v", err) // want `^error text from err reaches the response body via fmt.Fprintf$`
		return
	}
	defer resp.Body.Close()
	// The upstream's status is passed on: it is not known here.
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
