// Package store keeps the shop's items, orders and users in memory.
package store

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

var (
	ErrNotFound          = errors.New("not found")
	ErrArchived          = errors.New("archived")
	ErrDuplicate         = errors.New("already exists")
	ErrInsufficientStock = errors.New("insufficient stock")
)

type Item struct {
	ID         int    `json:"id"`
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
	Stock      int    `json:"stock"`
}

type Order struct {
	ID        int    `json:"id"`
	Reference string `json:"reference"`
	UserID    int    `json:"user_id"`
	ItemID    int    `json:"item_id"`
	Quantity  int    `json:"quantity"`
	archived  bool
}

type User struct {
	ID    int    `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// Store is safe for concurrent use. IDs are unique across all records.
type Store struct {
	mu     sync.RWMutex
	lastID int
	items  map[int]Item
	orders map[int]Order
	users  map[int]User
}

func New() *Store {
	return &Store{items: map[int]Item{}, orders: map[int]Order{}, users: map[int]User{}}
}

func find[T any](records map[int]T, kind string, id int) (T, error) {
	record, ok := records[id]
	if !ok {
		return record, fmt.Errorf("%s %d: %w", kind, id, ErrNotFound)
	}
	return record, nil
}

// Items returns all items in the order they were created.
func (s *Store) Items() []Item {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.SortedFunc(maps.Values(s.items), func(a, b Item) int { return cmp.Compare(a.ID, b.ID) })
}

func (s *Store) Item(id int) (Item, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return find(s.items, "item", id)
}

func (s *Store) CreateItem(item Item) Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastID++
	item.ID = s.lastID
	s.items[item.ID] = item
	return item
}

// CreateOrder records the order and takes its quantity out of stock.
func (s *Store) CreateOrder(order Order) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, existing := range s.orders {
		if existing.Reference == order.Reference {
			return Order{}, fmt.Errorf("order %q: %w", order.Reference, ErrDuplicate)
		}
	}
	if _, err := find(s.users, "user", order.UserID); err != nil {
		return Order{}, err
	}
	item, err := find(s.items, "item", order.ItemID)
	if err != nil {
		return Order{}, err
	}
	if item.Stock < order.Quantity {
		return Order{}, fmt.Errorf("item %d has %d left: %w", item.ID, item.Stock, ErrInsufficientStock)
	}
	item.Stock -= order.Quantity
	s.items[item.ID] = item
	s.lastID++
	order.ID = s.lastID
	s.orders[order.ID] = order
	return order, nil
}

func (s *Store) Order(id int) (Order, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	order, err := find(s.orders, "order", id)
	if err == nil && order.archived {
		return Order{}, fmt.Errorf("order %d: %w", id, ErrArchived)
	}
	return order, err
}

// ArchiveOrder hides the order from clients; it is kept for accounting.
func (s *Store) ArchiveOrder(id int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	order, err := find(s.orders, "order", id)
	if err != nil {
		return err
	}
	if order.archived {
		return fmt.Errorf("order %d: %w", id, ErrArchived)
	}
	order.archived = true
	s.orders[id] = order
	return nil
}

func (s *Store) User(id int) (User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return find(s.users, "user", id)
}

func (s *Store) CreateUser(user User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, existing := range s.users {
		if strings.EqualFold(existing.Email, user.Email) {
			return User{}, fmt.Errorf("user %s: %w", user.Email, ErrDuplicate)
		}
	}
	s.lastID++
	user.ID = s.lastID
	s.users[user.ID] = user
	return user, nil
}
