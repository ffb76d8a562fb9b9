// Package perhandlergin is an order service on gin whose handlers document
// their own statuses with swag annotations. A status a handler writes
// through *gin.Context is checked against the handler's list, at the
// status argument; a handler without annotations falls back to the
// API-wide contract.
package perhandlergin

import (
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/errcontract/errcontract/apierror"
)

type Order struct {
	ID       int64   `json:"id"`
	SKU      string  `json:"sku"`
	Quantity int     `json:"quantity"`
	Total    float64 `json:"total"`
	Status   string  `json:"status"`
}

type orderInput struct {
	SKU      string `json:"sku" binding:"required"`
	Quantity int    `json:"quantity" binding:"min=1"`
}

type orderStore struct {
	mu     sync.Mutex
	orders map[int64]*Order
	next   int64
}

var orders = &orderStore{orders: make(map[int64]*Order)}

func (s *orderStore) get(id int64) (*Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	return o, ok
}

func (s *orderStore) bySKU(sku string) (*Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.orders {
		if o.SKU == sku && o.Status == "open" {
			return o, true
		}
	}
	return nil, false
}

func (s *orderStore) create(in orderInput) *Order { // want create:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	o := &Order{ID: s.next, SKU: in.SKU, Quantity: in.Quantity, Status: "open"}
	s.orders[o.ID] = o
	return o
}

func (s *orderStore) setStatus(id int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o, ok := s.orders[id]; ok {
		o.Status = status
	}
}

type payments interface {
	Refund(ctx context.Context, orderID int64) (*http.Response, error)
}

var (
	provider    payments
	maintenance bool
	queueFull   func() bool
)

func Routes(r gin.IRouter) {
	r.GET("/orders/:id", getOrder)
	r.POST("/orders", createOrder)
	r.POST("/orders/:id/ship", shipOrder)
	r.POST("/orders/:id/pay", payOrder)
	r.POST("/orders/:id/cancel", cancelOrder)
	r.GET("/orders/:id/invoice", invoice)
	r.POST("/orders/:id/archive", archiveOrder)
	r.POST("/orders/:id/refund", refund)
	r.GET("/orders/:id/status", orderStatus)
	r.GET("/orders/:id/tracking", tracking)
	r.DELETE("/orders/:id", deleteOrder)
}

// orderID reads the order id of the path.
func orderID(c *gin.Context) (int64, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	return id, err == nil && id > 0
}

// Reported below.

// getOrder returns an order. 410 is undocumented by the API contract too,
// but only the handler's contract is checked inside it.
//
// @Summary  Get an order
// @Produce  json
// @Param    id  path  int  true  "Order ID"
// @Success  200      {object}  Order
// @Failure  400,404  {object}  apierror.Error
// @Router   /orders/{id} [get]
func getOrder(c *gin.Context) {
	id, ok := orderID(c)
	if !ok {
		apierror.Write(c.Writer, c.Request, apierror.BadRequest("order id must be a number"))
		c.Abort()
		return
	}
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if order.Status == "archived" {
		c.JSON(http.StatusGone, gin.H{"message": "order archived"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 410 is not documented by handler getOrder \(200 400 404\)$`
		return
	}
	c.JSON(http.StatusOK, order)
}

// createOrder answers 409 by hand, and 202 where it documents 201 only.
//
// @Summary  Create an order
// @Accept   json
// @Produce  json
// @Param    order  body  orderInput  true  "The order"
// @Success  201      {object}  Order
// @Failure  400,422  {object}  apierror.Error  "bad JSON, or invalid fields"
// @Router   /orders [post]
func createOrder(c *gin.Context) {
	var in orderInput
	if err := c.ShouldBindJSON(&in); err != nil {
		apierror.Write(c.Writer, c.Request, apierror.ValidationFailed("invalid order").WithCause(err))
		c.Abort()
		return
	}
	if _, dup := orders.bySKU(in.SKU); dup {
		c.AbortWithStatusJSON(http.StatusConflict, gin.H{"message": "an open order has this SKU"}) // want `^c.AbortWithStatusJSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 409 is not documented by handler createOrder \(201 400 422\)$`
		return
	}
	if queueFull() {
		c.Status(http.StatusAccepted) // want `^status 202 is not documented by handler createOrder \(201 400 422\)$`
		return
	}
	c.JSON(http.StatusCreated, orders.create(in))
}

// shipOrder writes 409 through the canonical constructor: reported at the
// constructor's call, which is not a raw write.
//
// @Summary  Ship an order
// @Success  200  {object}  Order
// @Failure  404  {object}  apierror.Error
// @Router   /orders/{id}/ship [post]
func shipOrder(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if order.Status != "paid" {
		apierror.Write(c.Writer, c.Request, apierror.Conflict("only a paid order ships")) // want `^status 409 is not documented by handler shipOrder \(200 404\)$`
		c.Abort()
		return
	}
	if queueFull() {
		c.AbortWithStatus(http.StatusTooManyRequests) // want `^status 429 is not documented by handler shipOrder \(200 404\)$`
		return
	}
	orders.setStatus(id, "shipped")
	c.JSON(http.StatusOK, order)
}

// payOrder documents a 5xx status, so its 503 is checked.
//
// @Summary  Pay an order
// @Success  200  {object}  Order
// @Failure  404  {object}  apierror.Error
// @Failure  500  {object}  apierror.Error
// @Router   /orders/{id}/pay [post]
func payOrder(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if maintenance {
		c.String(http.StatusServiceUnavailable, "payments are paused") // want `^c.String bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 503 is not documented by handler payOrder \(200 404 500\)$`
		return
	}
	orders.setStatus(id, "paid")
	c.JSON(http.StatusOK, order)
}

// cancelOrder is formatted the way swag fmt writes annotations: a tab
// after the slashes and tabs between the fields.
//
//	@Summary		Cancel an order
//	@Tags			orders
//	@Param			id	path		int	true	"Order ID"
//	@Success		204
//	@Failure		404	{object}	apierror.Error
//	@Router			/orders/{id}/cancel [post]
func cancelOrder(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if order.Status == "shipped" {
		c.JSON(http.StatusConflict, gin.H{"message": "a shipped order cannot be cancelled"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 409 is not documented by handler cancelOrder \(204 404\)$`
		return
	}
	orders.setStatus(id, "cancelled")
	c.Status(http.StatusNoContent)
}

// archiveOrder documents 410, which the API contract does not: reported at
// its annotation. Writing it is then not reported as undocumented.
//
// @Summary  Archive an order
// @Success  204      "archived"
// @Failure  404,410  {object}  apierror.Error  "no such order, or archived already" // want `^status 410 documented by handler archiveOrder is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
// @Router   /orders/{id}/archive [post]
func archiveOrder(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if order.Status == "archived" {
		c.AbortWithStatus(http.StatusGone)
		return
	}
	orders.setStatus(id, "archived")
	c.Status(http.StatusNoContent)
}

// deleteOrder has no annotations: the API-wide contract applies.
func deleteOrder(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found || order.Status == "archived" {
		c.AbortWithStatus(http.StatusGone) // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
		return
	}
	if order.Status != "open" {
		c.JSON(http.StatusConflict, gin.H{"message": "only an open order can be deleted"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	}
	orders.setStatus(id, "deleted")
	c.Status(http.StatusNoContent)
}

// Not reported below.

// invoice writes only statuses it documents.
//
// @Summary  Get an order's invoice
// @Produce  json
// @Success  200          {object}  Order
// @Failure  400,404,409  {object}  apierror.Error
// @Router   /orders/{id}/invoice [get]
func invoice(c *gin.Context) {
	id, ok := orderID(c)
	if !ok {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	order, found := orders.get(id)
	if !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if order.Status == "open" {
		apierror.Write(c.Writer, c.Request, apierror.Conflict("an open order has no invoice"))
		c.Abort()
		return
	}
	c.JSON(http.StatusOK, order)
}

// refund passes on the provider's status, which cannot be known, and
// documents no 5xx status: its 503 and 502 are not checked.
//
// @Summary  Refund an order
// @Success  200,202  {object}  Order
// @Failure  404      {object}  apierror.Error
// @Router   /orders/{id}/refund [post]
func refund(c *gin.Context) {
	id, _ := orderID(c)
	if _, found := orders.get(id); !found {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("order not found"))
		c.Abort()
		return
	}
	if maintenance {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	resp, err := provider.Refund(c.Request.Context(), id)
	if err != nil {
		apierror.Write(c.Writer, c.Request, apierror.BadGateway("the payment provider is unavailable").WithCause(err))
		c.Abort()
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		c.Status(resp.StatusCode)
		return
	}
	status := http.StatusAccepted
	if resp.Header.Get("X-Refund-Pending") == "" {
		status = http.StatusOK
	}
	c.JSON(status, gin.H{"order": id, "refund": "requested"})
}

// orderStatus documents "default", which names no status: it documents no
// 4xx status, so its 405 is not checked.
//
// @Summary  Get an order's status
// @Success  200      {object}  map[string]string
// @Failure  default  {object}  apierror.Error
// @Router   /orders/{id}/status [get]
func orderStatus(c *gin.Context) {
	if c.Request.Method != http.MethodGet {
		c.AbortWithStatus(http.StatusMethodNotAllowed)
		return
	}
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found {
		c.JSON(http.StatusOK, gin.H{"status": "unknown"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": order.Status})
}

// tracking sends the client to the carrier: it documents a 3xx status and
// writes it.
//
// @Summary   Track an order
// @Response  302  {string}  string  "the carrier's tracking page"
// @Failure   404  {object}  apierror.Error
// @Router    /orders/{id}/tracking [get]
func tracking(c *gin.Context) {
	id, _ := orderID(c)
	order, found := orders.get(id)
	if !found || order.Status != "shipped" {
		apierror.Write(c.Writer, c.Request, apierror.NotFound("no shipped order with this id"))
		c.Abort()
		return
	}
	c.Redirect(http.StatusFound, "https://carrier.example/track/"+strconv.FormatInt(id, 10))
}
