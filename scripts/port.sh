# Sourced by serve.sh and dev.sh: `pick_port` prints the port to serve on, $PORT or 8080, or
# the next free one after it when that one is taken, saying so on stderr.
port_free() {
  node -e "const s = require('net').createServer();
    s.once('error', () => process.exit(1));
    s.listen($1, '127.0.0.1', () => s.close(() => process.exit(0)));"
}

pick_port() {
  local wanted=${PORT:-8080} port
  if ! [[ $wanted =~ ^[0-9]+$ ]] || [ "$wanted" -lt 1 ] || [ "$wanted" -gt 65535 ]; then
    echo "PORT=$wanted is not a port number (1-65535)" >&2
    return 1
  fi
  for ((port = wanted; port < wanted + 50 && port <= 65535; port++)); do
    if port_free "$port"; then
      [ "$port" = "$wanted" ] || echo "[serve] port $wanted is in use; serving on port $port instead" >&2
      echo "$port"
      return 0
    fi
  done
  echo "ports $wanted to $((port - 1)) are all in use: choose another with PORT=…" >&2
  return 1
}
