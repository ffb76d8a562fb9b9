// Package openapihuma registers huma operations, with huma.Register and
// its operation, and with the shorthands huma.Get, huma.Post and
// huma.Delete, and is checked against ../openapispec/links.yaml.
package openapihuma

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

type linkInput struct {
	ID string `path:"id"`
}

type linkOutput struct {
	Body struct {
		URL string `json:"url"`
	}
}

func Register(api huma.API) {
	huma.Register(api, huma.Operation{OperationID: "getLink", Method: http.MethodGet, Path: "/v1/links/{id}"}, getLink)
	huma.Delete(api, "/v1/links/{id}", deleteLink)
	huma.Post(api, "/v1/links", createLink)
	huma.Get(api, "/v1/admin/stats", stats)
	huma.Get(api, "/v1/tags", listTags)                                                                                 // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	huma.Register(api, huma.Operation{OperationID: "putLink", Method: http.MethodPut, Path: "/v1/links/{id}"}, getLink) // want `^route PUT /v1/links/\{id\} is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	huma.Register(api, operation(), listTags)                                                                           // an operation the analysis cannot read is not followed
}

func operation() huma.Operation {
	return huma.Operation{Method: http.MethodGet, Path: "/v1/archive"}
}

func getLink(ctx context.Context, in *linkInput) (*linkOutput, error) {
	switch in.ID {
	case "":
		return nil, huma.Error404NotFound("no such link")
	case "taken":
		return nil, huma.Error409Conflict("taken") // want `^status 409 is not documented by operation getLink \(200 404 500\)$`
	case "gone":
		return nil, huma.NewError(http.StatusGone, "gone") // want `^status 410 is not documented by operation getLink \(200 404 500\)$`
	}
	return &linkOutput{}, nil
}

// deleteLink's operation documents 4XX: every 4xx status.
func deleteLink(ctx context.Context, in *linkInput) (*struct{}, error) {
	if in.ID == "locked" {
		return nil, huma.Error423Locked("locked")
	}
	return nil, huma.Error503ServiceUnavailable("down") // want `^status 503 is not documented by operation DELETE /links/\{id\} \(204 4XX\)$`
}

func createLink(ctx context.Context, in *struct{}) (*linkOutput, error) {
	return nil, huma.Error400BadRequest("bad link")
}

// stats' operation has a default response: every status is documented.
func stats(ctx context.Context, in *struct{}) (*struct{}, error) {
	return nil, huma.Error503ServiceUnavailable("down")
}

func listTags(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil }
