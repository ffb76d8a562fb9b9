// Package ginapp is an order service on gin. Its handlers write through
// *gin.Context; errcontract knows gin's writers by the receiver type.
package ginapp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/errcontract/errcontract/apierror"
)

type Order struct {
	ID     int64   `json:"id" xml:"id"`
	Status string  `json:"status" xml:"status"`
	Total  float64 `json:"total" xml:"total"`
}

type orderInput struct {
	SKU      string `json:"sku" binding:"required"`
	Quantity int    `json:"quantity" binding:"min=1"`
}

var (
	errNoOrder  = errors.New("order not found")       // want errNoOrder:`sentinel`
	errArchived = errors.New("order archived")        // want errArchived:`sentinel`
	errShipped  = errors.New("order already shipped") // want errShipped:`sentinel`
)

type orderStore interface {
	Get(ctx context.Context, id int64) (*Order, error)
	Create(ctx context.Context, in orderInput) (*Order, error)
	Cancel(ctx context.Context, id int64) error
	Import(ctx context.Context, in orderInput) error
}

type payments interface {
	Refund(ctx context.Context, orderID int64) (*http.Response, error)
}

type Handlers struct {
	Orders   orderStore
	Payments payments
	Log      *slog.Logger
}

func (h *Handlers) Routes(r gin.IRouter) {
	r.GET("/orders/:id", h.getOrder)
	r.POST("/orders", h.createOrder)
	r.DELETE("/orders/:id", h.cancelOrder)
	r.POST("/orders/:id/refund", h.refund)
	r.POST("/orders/import", h.importOrders)
	r.GET("/orders/:id/receipt", h.receipt)
	r.GET("/orders/:id/export", h.export)
}

func (h *Handlers) getOrder(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.String(http.StatusBadRequest, "order id must be a number") // want `^c.String bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	}
	order, err := h.Orders.Get(c.Request.Context(), id)
	switch {
	case errors.Is(err, errNoOrder):
		c.JSON(http.StatusNotFound, gin.H{"error": "order not found"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	case errors.Is(err, errArchived):
		c.JSON(http.StatusGone, gin.H{"error": "order archived"}) // want `^c.JSON bypasses` `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
		return
	case err != nil:
		// gin renders JSON's obj with encoding/json: the map's string value is
		// the body.
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `^c.JSON bypasses` `^error text from err.Error\(\) reaches the response body via c.JSON$`
		return
	}
	c.JSON(http.StatusOK, order)
}

func (h *Handlers) createOrder(c *gin.Context) {
	var in orderInput
	if err := c.ShouldBindJSON(&in); err != nil {
		// The binding error names the fields and the decoder's position.
		c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": "invalid order", "detail": err.Error()}) // want `^c.AbortWithStatusJSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^error text from err.Error\(\) reaches the response body via c.AbortWithStatusJSON$`
		return
	}
	order, err := h.Orders.Create(c.Request.Context(), in)
	if err != nil {
		h.Log.Error("create order", "sku", in.SKU, "err", err)
		apierror.Write(c.Writer, c.Request, apierror.Internal(err))
		c.Abort()
		return
	}
	c.JSON(http.StatusCreated, order)
}

func (h *Handlers) cancelOrder(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		apierror.Write(c.Writer, c.Request, apierror.BadRequest("order id must be a number").WithCause(err))
		return
	}
	if err := h.Orders.Cancel(c.Request.Context(), id); err != nil {
		if errors.Is(err, errShipped) {
			msg := fmt.Sprintf("cannot cancel order %d: %v", id, err)
			c.AbortWithStatusJSON(http.StatusConflict, gin.H{"error": msg}) // want `^c.AbortWithStatusJSON bypasses` `^error text from err reaches the response body via c.AbortWithStatusJSON$`
			return
		}
		// AbortWithError writes the status with an empty body and appends err
		// to c.Errors, which RenderErrors (middleware.go) shows the client.
		c.AbortWithError(http.StatusInternalServerError, err) // want `^error text from err reaches the response body via c.AbortWithError and the middleware that renders the attached errors$`
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handlers) refund(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest) // a status line with an empty body, like a bare WriteHeader
		return
	}
	resp, err := h.Payments.Refund(c.Request.Context(), id)
	if err != nil {
		// String formats with fmt.Fprintf when it is given values.
		c.String(http.StatusBadGateway, "payment provider: %v", err) // want `^c.String bypasses` `^error text from err reaches the response body via c.String$`
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// The provider's status is passed on: it is not known here.
		c.JSON(resp.StatusCode, gin.H{"error": "refund was not accepted"})
		return
	}
	status := http.StatusAccepted
	if resp.Header.Get("X-Refund-Pending") == "" {
		status = http.StatusOK
	}
	c.JSON(status, gin.H{"order": id, "refund": "requested"})
}

type importResult struct {
	Line  int    `json:"line"`
	Error string `json:"error,omitempty"`
}

func (h *Handlers) importOrders(c *gin.Context) {
	var batch []orderInput
	if err := c.ShouldBindJSON(&batch); err != nil {
		h.Log.Warn("import: bad batch", "err", err)
		c.XML(http.StatusBadRequest, gin.H{"error": "the batch is not a JSON array of orders"}) // want `^c.XML bypasses`
		return
	}
	results := make([]importResult, 0, len(batch))
	for i, in := range batch {
		res := importResult{Line: i + 1}
		if err := h.Orders.Import(c.Request.Context(), in); err != nil {
			res.Error = err.Error()
		}
		results = append(results, res)
	}
	// A partial success: the status is 200, the body still carries the
	// store's error text.
	c.JSON(http.StatusOK, results) // want `^error text from err.Error\(\) reaches the response body via c.JSON$`
}

func (h *Handlers) receipt(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.IndentedJSON(http.StatusBadRequest, gin.H{"error": "order id must be a number"}) // want `^c.IndentedJSON bypasses`
		return
	}
	order, err := h.Orders.Get(c.Request.Context(), id)
	if err != nil {
		// Data writes its bytes as they are.
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte(err.Error())) // want `^c.Data bypasses` `^error text from err.Error\(\) reaches the response body via c.Data$`
		return
	}
	if strings.Contains(order.Status, "draft") {
		status := http.StatusTooEarly
		c.AbortWithStatus(status) // want `^status 425 is not documented by the contentful contract`
		return
	}
	c.PureJSON(http.StatusOK, order)
}

func (h *Handlers) export(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.PureJSON(http.StatusBadRequest, gin.H{"error": "order id must be a number"}) // want `^c.PureJSON bypasses`
		return
	}
	order, err := h.Orders.Get(c.Request.Context(), id)
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			h.Log.Warn("export timed out", "order", id)
		}
		h.Log.Error("export", "order", id, "err", err)
		c.AbortWithError(http.StatusServiceUnavailable, err) // want `^status 503 is not documented by the contentful contract` `^error text from err reaches the response body via c.AbortWithError and the middleware`
		return
	}
	c.XML(http.StatusOK, order)
}
