// The Go + gorilla/websocket peer of the GIStack Notify benchmark: the scenario of node-peer.js.
// /ws?token=JWT (HS256) gets one login frame; POST /publish {type, msg} sends one frame per online
// user, each listing only its recipient. Built offline against Debian's golang-github-gorilla-websocket-dev.
package main

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

type client struct {
	sync.Mutex // gorilla allows one writer at a time
	conn       *websocket.Conn
}

var (
	secret   = []byte(os.Getenv("GISTACK_JWT_SECRET"))
	upgrader = websocket.Upgrader{}
	mu       sync.Mutex
	online   = map[string]map[*client]bool{}
)

func verify(token string) string { // the user id, or ""
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return ""
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
		return ""
	}
	var head struct{ Alg string }
	var claims struct {
		Sub string
		Exp float64
	}
	h, err1 := base64.RawURLEncoding.DecodeString(parts[0])
	c, err2 := base64.RawURLEncoding.DecodeString(parts[1])
	if err1 != nil || err2 != nil || json.Unmarshal(h, &head) != nil || json.Unmarshal(c, &claims) != nil ||
		head.Alg != "HS256" || claims.Sub == "" || claims.Exp <= float64(time.Now().Unix()) {
		return ""
	}
	return claims.Sub
}

// envelope returns the message id and a function building one recipient's frame from bytes made once.
func envelope(typ string, msg json.RawMessage) (string, func(string) []byte) {
	b := make([]byte, 16)
	rand.Read(b)
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	id := fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
	head := `{"id":"` + id + `","userId":[`
	tail := `],"createTime":"` + time.Now().Format("2006-01-02 15:04:05") + `","type":"` + typ + `","msg":` +
		string(msg) + `}`
	return id, func(userId string) []byte {
		user, _ := json.Marshal(userId)
		return []byte(head + string(user) + tail)
	}
}

func (c *client) send(frame []byte) {
	c.Lock()
	c.conn.WriteMessage(websocket.TextMessage, frame)
	c.Unlock()
}

func serveWs(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	userId := verify(r.URL.Query().Get("token"))
	if userId == "" {
		conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4401, "invalid token"))
		conn.Close()
		return
	}
	c := &client{conn: conn}
	mu.Lock()
	if online[userId] == nil {
		online[userId] = map[*client]bool{}
	}
	online[userId][c] = true
	mu.Unlock()
	expire := time.Now().Add(72 * time.Hour).Format("2006-01-02 15:04:05")
	_, frameFor := envelope("NORMAL_USER_DESKTOP_LEASE_EXPIRED",
		json.RawMessage(`[{"expireDate":"`+expire+`","resourceName":"bench-desktop","timeLeft":3}]`))
	c.send(frameFor(userId))
	for { // reading answers pings and notices the close
		if _, _, err := conn.ReadMessage(); err != nil {
			break
		}
	}
	mu.Lock()
	delete(online[userId], c)
	if len(online[userId]) == 0 {
		delete(online, userId)
	}
	mu.Unlock()
	conn.Close()
}

func publish(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Type string
		Msg  json.RawMessage
	}
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&body) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	id, frameFor := envelope(body.Type, body.Msg)
	mu.Lock()
	for userId, clients := range online {
		frame := frameFor(userId)
		for c := range clients {
			c.send(frame)
		}
	}
	mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"id":"%s"}`, id)
}

func main() {
	http.HandleFunc("/ws", serveWs)
	http.HandleFunc("/publish", publish)
	go func() { // keep-alive, as ours
		for range time.Tick(25 * time.Second) {
			mu.Lock()
			for _, clients := range online {
				for c := range clients {
					c.Lock()
					c.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(time.Second))
					c.Unlock()
				}
			}
			mu.Unlock()
		}
	}()
	listener, err := net.Listen("tcp", "127.0.0.1:"+os.Getenv("PEER_PORT"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("peer listening on http://%s\n", listener.Addr())
	http.Serve(listener, nil)
}
