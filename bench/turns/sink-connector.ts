/**
 * A Teams connector that is never the bottleneck: answers every call 200 with a fresh activity id and keeps only a
 * count. Its own process, so its work is not charged to the bot or to the load generator. Prints `listening <url>`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

let calls = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ calls }));
    return;
  }
  req.resume();
  req.on('end', () => {
    calls += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sink-${calls}` }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
