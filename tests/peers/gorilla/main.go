// A gorilla/websocket server for the interop tests, on 127.0.0.1 at a free port (printed as "READY port").
// Argument: the SetReadLimit value in bytes, or "default" for the library's own (no limit).
// Each whole message is answered with a text report: {"bytes":N,"sha256":"..."}.
package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"

	"github.com/gorilla/websocket"
)

func main() {
	var limit int64
	if len(os.Args) > 1 && os.Args[1] != "default" {
		parsed, err := strconv.ParseInt(os.Args[1], 10, 64)
		if err != nil {
			panic(err)
		}
		limit = parsed
	}

	upgrader := websocket.Upgrader{}
	http.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		if limit > 0 {
			conn.SetReadLimit(limit)
		}
		for {
			_, reader, err := conn.NextReader()
			if err != nil {
				return
			}
			hash := sha256.New()
			n, err := io.Copy(hash, reader)
			if err != nil {
				return
			}
			report := fmt.Sprintf(`{"bytes":%d,"sha256":"%x"}`, n, hash.Sum(nil))
			if err := conn.WriteMessage(websocket.TextMessage, []byte(report)); err != nil {
				return
			}
		}
	})

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Printf("READY %d\n", listener.Addr().(*net.TCPAddr).Port)
	if err := http.Serve(listener, nil); err != nil {
		panic(err)
	}
}
