// Package connectapp is a user service on connect-go. Its handlers return
// errors: connect sends the text of every error to the client, as the
// message of a *connect.Error's code, or of CodeUnknown for any other
// error. Codes are checked against the contract as the HTTP statuses the
// Connect protocol maps them to.
package connectapp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"connectrpc.com/connect"

	"github.com/errcontract/errcontract/apierror"
)

type GetUserRequest struct{ ID string }

type ListUsersRequest struct{ PageToken string }

type User struct {
	ID   string
	Name string
}

type ListUsersResponse struct {
	Users []*User
	Next  string
}

type ImportRequest struct{ Name string }

type ImportSummary struct{ Imported int }

var (
	errNoUser  = errors.New("user not found")      // want errNoUser:`sentinel`
	errExists  = errors.New("user already exists") // want errExists:`sentinel`
	errBlocked = errors.New("user is blocked")     // want errBlocked:`sentinel`
)

type directory interface {
	Get(ctx context.Context, id string) (*User, error)
	List(ctx context.Context, page int) ([]*User, error)
	Create(ctx context.Context, name string) (*User, error)
}

type Server struct {
	Users directory
	Log   *slog.Logger
}

// Handler returns the service's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/users.v1.UserService/GetUser", connect.NewUnaryHandler("/users.v1.UserService/GetUser", s.GetUser))
	mux.Handle("/users.v1.UserService/ListUsers", connect.NewUnaryHandler("/users.v1.UserService/ListUsers", s.ListUsers))
	mux.Handle("/users.v1.UserService/Import", connect.NewClientStreamHandler("/users.v1.UserService/Import", s.Import))
	mux.Handle("/users.v1.UserService/Watch", connect.NewServerStreamHandler("/users.v1.UserService/Watch", s.Watch))
	return mux
}

func (s *Server) GetUser(ctx context.Context, req *connect.Request[GetUserRequest]) (*connect.Response[User], error) {
	if req.Msg.ID == "" {
		return nil, connect.NewError(connect.CodeInvalidArgument, errors.New("an id is required"))
	}
	user, err := s.Users.Get(ctx, req.Msg.ID)
	if errors.Is(err, errNoUser) {
		return nil, connect.NewError(connect.CodeNotFound, errNoUser)
	}
	if errors.Is(err, errBlocked) {
		// CodeUnavailable is 503, which contentful does not document.
		return nil, connect.NewError(connect.CodeUnavailable, errBlocked) // want `^status 503 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	if err != nil {
		// The error's text is the message clients get.
		return nil, connect.NewError(connect.CodeInternal, err) // want `^error text from err reaches the response body via connect.NewError$`
	}
	return connect.NewResponse(user), nil
}

func (s *Server) ListUsers(ctx context.Context, req *connect.Request[ListUsersRequest]) (*connect.Response[ListUsersResponse], error) {
	page := 0
	if req.Msg.PageToken != "" {
		n, err := strconv.Atoi(req.Msg.PageToken)
		if err != nil {
			return nil, connect.NewError(connect.CodeInvalidArgument, fmt.Errorf("bad page token: %w", err)) // want `^error text from err, which echoes client input \(strconv.Atoi\), reaches the response body via connect.NewError$`
		}
		page = n
	}
	users, err := s.Users.List(ctx, page)
	if err != nil {
		// connect wraps an error without a code as CodeUnknown, with its
		// text as the message.
		return nil, err // want `^error text from err reaches the response body via connect's handler, as CodeUnknown$`
	}
	code := connect.CodeUnimplemented
	if len(users) > 1000 {
		return nil, connect.NewError(code, errors.New("paging past 1000 users is not supported")) // want `^status 501 is not documented by the contentful contract`
	}
	return connect.NewResponse(&ListUsersResponse{Users: users, Next: strconv.Itoa(page + 1)}), nil
}

func (s *Server) Import(ctx context.Context, stream *connect.ClientStream[ImportRequest]) (*connect.Response[ImportSummary], error) {
	imported := 0
	for stream.Receive() {
		_, err := s.Users.Create(ctx, stream.Msg().Name)
		if errors.Is(err, errExists) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("import %q: %v", stream.Msg().Name, err) // want `^error text from err reaches the response body via connect's handler, as CodeUnknown$`
		}
		imported++
	}
	if err := stream.Err(); err != nil {
		s.Log.Warn("import: stream", "err", err)
		return nil, connect.NewError(connect.CodeCanceled, errors.New("the upload was interrupted")) // want `^status 499 is not documented by the contentful contract`
	}
	return connect.NewResponse(&ImportSummary{Imported: imported}), nil
}

// Not reported below.

func (s *Server) Watch(ctx context.Context, req *connect.Request[GetUserRequest], stream *connect.ServerStream[User]) error {
	user, err := s.Users.Get(ctx, req.Msg.ID)
	if errors.Is(err, errNoUser) {
		return connect.NewError(connect.CodeNotFound, errors.New("no such user"))
	}
	if err != nil {
		s.Log.Error("watch", "id", req.Msg.ID, "err", err)
		// apierror.Error is errcontract:public: its Error() is the generic
		// message, and the cause stays server-side.
		return connect.NewError(connect.CodeInternal, apierror.Internal(err))
	}
	if user.Name == "" {
		return connect.NewError(connect.CodeAlreadyExists, errExists)
	}
	return stream.Send(user)
}

// get has a handler's result types and no connect request: its errors go
// to its caller.
func (s *Server) get(ctx context.Context, id string) (*connect.Response[User], error) {
	user, err := s.Users.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	return connect.NewResponse(user), nil
}
