package serve

import "sync"

// event is one server-sent event.
type event struct {
	name string
	data string // one line
}

// hub fans events out to the connected pages.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan event]bool{}} }

func (h *hub) join() chan event {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan event, 8)
	if h.closed {
		close(c)
		return c
	}
	h.clients[c] = true
	return c
}

func (h *hub) leave(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		delete(h.clients, c)
		close(c)
	}
}

// send delivers ev to every page; a page too slow to take it misses it (it
// reconnects and is told the state then).
func (h *hub) send(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

// close ends every stream, for shutdown.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		close(c)
		delete(h.clients, c)
	}
}
