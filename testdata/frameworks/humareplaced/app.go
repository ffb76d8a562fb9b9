// Package humareplaced is a huma v2 API that replaces huma.NewError with
// its own error model, which shows no error's text: the errors its
// handlers return are not reported.
package humareplaced

import (
	"context"
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

type problem struct {
	status  int
	Message string `json:"message"`
}

func (p *problem) Error() string  { return p.Message }
func (p *problem) GetStatus() int { return p.status }

type itemPath struct {
	ID string `path:"id"`
}

type itemOutput struct {
	Body struct {
		ID string `json:"id"`
	}
}

type store interface {
	Get(ctx context.Context, id string) (*itemOutput, error)
}

// New installs the app's error model and registers the operations.
func New(items store) huma.API {
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return &problem{status: status, Message: http.StatusText(status)}
	}
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Items", "1.0.0"))
	huma.Get(api, "/items/{id}", func(ctx context.Context, in *itemPath) (*itemOutput, error) {
		out, err := items.Get(ctx, in.ID)
		if err != nil {
			return nil, fmt.Errorf("get %s: %w", in.ID, err)
		}
		return out, nil
	})
	return api
}
