/**
 * The IDE's page and files over HTTP: compressed by Accept-Encoding, an ETag on each and 304 when the browser has
 * it, the page revalidated on every load and the hashed files cached for a year. Prints the sizes a first visit
 * and a later one cost. No browser needed (the browser's side is ide.test.ts).
 */
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding } from "../../src/http/assets.js";
import { trimStylesheet } from "../../src/http/ide.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add and decode its own Accept-Encoding). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

function decode(response: Raw): string {
  const encoding = response.headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(response.body).toString("utf8");
  if (encoding === "gzip") return zlib.gunzipSync(response.body).toString("utf8");
  return response.body.toString("utf8");
}

const HTML = { accept: "text/html" };

describe("the IDE's page and files over HTTP", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ citizens: 100 });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it("sends the page compressed when asked, with an ETag, and 304 once the browser has it", async () => {
    const plain = await get(`${gw.url}/`, HTML);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toMatch(/^text\/html/);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.headers.vary).toMatch(/Origin/);
    const page = plain.body.toString("utf8");
    expect(page).toContain("<title>NDAF Gateway — GraphQL IDE</title>");
    expect(page).toContain("CitizensOfHanoi");
    // The favicon is a small inline SVG, not render-graphiql's 151 KB of base64.
    const icon = /<link rel="icon" href="([^"]*)"/.exec(page)?.[1] ?? "";
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    expect(icon.length).toBeLessThan(600);

    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip;q=0.5", "gzip"],
      ["identity", undefined],
    ] as const) {
      const response = await get(`${gw.url}/`, { ...HTML, "accept-encoding": accept });
      expect(response.headers["content-encoding"], accept).toBe(encoding);
      expect(decode(response)).toBe(page);
      expect(Number(response.headers["content-length"])).toBe(response.body.length);
      const etag = String(response.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(`${gw.url}/`, { ...HTML, "accept-encoding": accept, "if-none-match": etag });
      expect(again.status, accept).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    // Another representation's ETag is not this one's.
    const br = await get(`${gw.url}/`, { ...HTML, "accept-encoding": "br" });
    expect((await get(`${gw.url}/`, { ...HTML, "accept-encoding": "gzip", "if-none-match": String(br.headers.etag) })).status).toBe(200);
  });

  it("serves GraphiQL's script, stylesheet and workers from hashed URLs, cached for a year, and prints what a visit costs", async () => {
    const page = (await get(`${gw.url}/`, HTML)).body.toString("utf8");
    const files = [...page.matchAll(/"(ide\/[\w-]+\/[\w.]+)"/g)].map((m) => m[1]);
    expect(files.map((f) => f.split("/").pop()).sort()).toEqual([
      "editor.worker.js",
      "graphiql.css",
      "graphiql.js",
      "graphql.worker.js",
      "json.worker.js",
    ]);
    let raw = Buffer.byteLength(page);
    let compressed = (await get(`${gw.url}/`, { ...HTML, "accept-encoding": "br" })).body.length;
    for (const file of files) {
      const response = await get(`${gw.url}/${file}`, { "accept-encoding": "gzip, deflate, br" });
      expect(response.status, file).toBe(200);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers["content-encoding"]).toBe("br");
      expect(response.headers["content-type"]).toMatch(file.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      const text = decode(response);
      raw += Buffer.byteLength(text);
      compressed += response.body.length;
      expect((await get(`${gw.url}/${file}`, { "accept-encoding": "br", "if-none-match": String(response.headers.etag) })).status).toBe(
        304,
      );
      const head = await get(`${gw.url}/${file}`, { "accept-encoding": "br" }, "HEAD");
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
    }
    const revisit = await get(`${gw.url}/`, {
      ...HTML,
      "accept-encoding": "br",
      "if-none-match": String((await get(`${gw.url}/`, { ...HTML, "accept-encoding": "br" })).headers.etag),
    });
    console.info(
      `IDE first visit: ${raw.toLocaleString("en")} bytes raw, ${compressed.toLocaleString("en")} sent (brotli); ` +
        `a later visit: one 304 for the page (${revisit.body.length} bytes), the files from the browser's cache`,
    );
    expect(compressed).toBeLessThan(2_500_000);

    expect((await get(`${gw.url}/ide/nope/graphiql.js`)).status).toBe(404);
    expect((await get(`${gw.url}/${files[0].replace(/ide\/[\w-]+\//, "ide/stale-hash/")}`)).status).toBe(404);
  });
});

describe("compression choices", () => {
  it("prefers brotli, then gzip, and honours q=0 and *", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("gzip;q=0")).toBe("identity");
  });

  it("trims GraphiQL's stylesheet of the duplicate icon font and the Cyrillic and Greek font subsets", () => {
    const face = (family: string, range?: string) =>
      `@font-face{font-family:${family};src:url(data:font/woff2;base64,${Buffer.from(`${family} ${range}`).toString("base64")})${range ? `;unicode-range:${range}` : ""}}`;
    const reordered = face("codicon").replace("font-family:codicon;src:", "src:").replace("}", ";font-family:codicon}");
    const css = [
      face("codicon"),
      reordered,
      face("Roboto", "U+0460-052F"),
      face("Roboto", "U+0102-0103,U+0110-0111"),
      face("Roboto", "U+0000-00FF"),
      ".x{color:red}",
    ].join("");
    expect(trimStylesheet(css)).toBe(
      [face("codicon"), face("Roboto", "U+0102-0103,U+0110-0111"), face("Roboto", "U+0000-00FF"), ".x{color:red}"].join(""),
    );
  });
});
