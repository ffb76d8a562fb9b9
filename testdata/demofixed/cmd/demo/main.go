// Command demo serves the shop API.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/errcontract/errcontract/apierror"
	"github.com/errcontract/errcontract/testdata/demo/store"
	"github.com/errcontract/errcontract/testdata/demofixed/api"
)

// drainDelay is how long the health check fails before the server stops
// accepting connections: long enough for the load balancer to notice.
const drainDelay = 5 * time.Second

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	// apierror logs the causes of the errors it writes to the default
	// logger, so they land in the same log as everything else.
	slog.SetDefault(logger)
	if err := apierror.SetFormat(apierror.Contentful); err != nil {
		logger.Error("choosing the error format", "err", err)
		os.Exit(1)
	}
	if err := run(*addr, logger); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// run serves until the process is told to stop, then fails the health check
// and finishes the requests in flight.
func run(addr string, logger *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv := api.NewServer(store.New(), logger)
	httpServer := &http.Server{Addr: addr, Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- httpServer.ListenAndServe() }()
	logger.Info("listening", "addr", addr)

	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	srv.Drain()
	time.Sleep(drainDelay)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return httpServer.Shutdown(shutdownCtx)
}
