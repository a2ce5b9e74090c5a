import type { IncomingMessage } from 'node:http';

/**
 * The whole body as one buffer, or undefined when it is (or announces it will be) over `limit`
 * bytes: the caller answers 413 and closes the connection, so the rest is never read. `hold` is
 * told of every byte kept, as it arrives, so that the receiver knows how much it holds.
 */
export async function readBody(
  req: IncomingMessage,
  limit: number,
  hold: (bytes: number) => void,
): Promise<Buffer | undefined> {
  const announced = Number(req.headers['content-length']);
  if (announced > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return undefined;
    hold(buffer.length);
    chunks.push(buffer);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
}
