import type http from 'node:http';

const ITEM = '{"metadata":{"name":"filler"}},';
/** One reused 64 KiB run of list items: streaming allocates nothing more. */
const CHUNK = Buffer.from(ITEM.repeat(Math.floor(65536 / ITEM.length)));
const HEAD = '{"kind":"List","apiVersion":"v1","metadata":{},"items":[';
const TAIL = '{"metadata":{"name":"filler"}}]}';

/**
 * Answers `200` with a JSON list of about `bytes` bytes, made while it
 * streams and written only as fast as the client reads; stops when the
 * client goes away. Resolves when the answer ended or was cut off.
 */
export function streamOversizedBody(
  res: http.ServerResponse,
  bytes: number,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/json',
    'cache-control': 'no-cache, private',
  });
  res.write(HEAD);
  let written = HEAD.length;
  return new Promise(resolve => {
    res.once('close', () => resolve());
    const pump = () => {
      while (written + CHUNK.length < bytes) {
        if (res.destroyed) return;
        written += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end(TAIL);
    };
    pump();
  });
}

/**
 * The request line and headers as sent, `Authorization` included: what a
 * misconfigured proxy or debugging endpoint in front of an API server
 * answers.
 */
export function echoedRequest(req: http.IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
