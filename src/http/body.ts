/** The request body: read up to a size limit, and accepted only as UTF-8 (GraphQL over HTTP is UTF-8 JSON). */
import type http from "node:http";

export const MAX_BODY_BYTES = 1_000_000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text; null when it is over the limit, undefined when it is not UTF-8. */
export async function readBody(req: http.IncomingMessage): Promise<string | null | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    return undefined;
  }
}
