// A slow link in front of a local server, for the benchmark's first-visit
// measure: every connection's bytes to the browser share one bandwidth
// (round-robin over the connections with data waiting), and each chunk
// arrives `latencyMs` after it was sent. Browser → server is not limited.

import { createServer, connect } from 'node:net';

/**
 * Listens on 127.0.0.1 and forwards to `target` (`http://127.0.0.1:P/…`).
 * Returns `{ url, close }`: `url` is `target` with the proxy's port.
 */
export async function slowLink(target, { bitsPerSecond, latencyMs }) {
  const { hostname, port } = new URL(target);
  const bytesPerMs = bitsPerSecond / 8 / 1000;
  const waiting = []; // connections with bytes to deliver, in turn
  let timer = null;
  let last = performance.now();
  let budget = 0;
  const tick = () => {
    timer = null;
    const now = performance.now();
    budget = Math.min(budget + (now - last) * bytesPerMs, 64 * 1024);
    last = now;
    while (waiting.length && budget >= 1) {
      const link = waiting.shift();
      const chunk = link.pending[0];
      const n = Math.min(chunk.length, Math.floor(budget), 4096);
      const part = chunk.subarray(0, n);
      if (n === chunk.length) link.pending.shift();
      else link.pending[0] = chunk.subarray(n);
      budget -= n;
      setTimeout(() => link.client.destroyed || link.client.write(part), latencyMs);
      if (link.pending.length) waiting.push(link);
      else if (link.ended) setTimeout(() => link.client.end(), latencyMs);
    }
    if (waiting.length && !timer) timer = setTimeout(tick, 2);
  };
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const link = { client, pending: [], ended: false };
    client.on('data', (data) => setTimeout(() => upstream.write(data), latencyMs));
    upstream.on('data', (data) => {
      if (link.pending.length === 0) waiting.push(link);
      link.pending.push(data);
      if (!timer) timer = setTimeout(tick, 0);
    });
    upstream.on('end', () => {
      link.ended = true;
      if (link.pending.length === 0) setTimeout(() => client.end(), latencyMs);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => upstream.destroy());
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = new URL(target);
  url.port = String(server.address().port);
  return {
    url: url.href,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
