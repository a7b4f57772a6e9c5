import type http from 'node:http';

/** Reads a request body of at most `maxBytes`; a larger one rejects with `tooLarge()` and ends the request. */
export function readBody(
  req: http.IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error = () => new Error('request body too large'),
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        reject(tooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
