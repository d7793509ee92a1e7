// The floor for fan-out: a bare `ws` server that sends every message it receives to all its clients.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => console.log(JSON.stringify({ port: wss.address().port })));
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const text = data.toString();
    for (const client of wss.clients) client.send(text);
  });
});
