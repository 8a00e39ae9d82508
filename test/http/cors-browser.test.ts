/**
 * CORS as a browser sees it: in headless Chromium, a page served from another origin calls the gateway with a key
 * and a purpose (so the browser sends a preflight), gets the data and reads x-request-id; the same page served from
 * an origin that is not listed cannot read anything (the browser's fetch fails).
 *
 * Needs Chromium (Debian package `chromium`, or CHROMIUM_PATH); skipped with a warning without it, except under CI.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium } from "../support/browser.js";
import { DEMO_HEADERS, startTestGateway, type TestGateway } from "../support/gateway.js";

const executable = chromiumPath();
const inCI = Boolean(process.env.CI);
const MISSING = "Chromium is not installed: install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.";
if (!executable && !inCI) console.warn(`CORS browser test skipped. ${MISSING}`);

/** A browser app in one page: it calls the gateway named in its query string and shows what it could read. */
const APP_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>A browser app</title></head>
<body><pre id="result">running</pre>
<script type="module">
const gateway = new URLSearchParams(location.search).get("gateway");
const headers = ${JSON.stringify({ "content-type": "application/json", ...DEMO_HEADERS, "x-request-id": "app-trace-1" })};
async function call(extra) {
  try {
    const response = await fetch(gateway + "/graphql", {
      method: "POST",
      headers: { ...headers, ...extra },
      body: JSON.stringify({ query: "query AppCitizens { citizens(first: 2) { edges { node { personalId fullName } } } }" }),
    });
    return {
      status: response.status,
      requestId: response.headers.get("x-request-id"),
      callerRequestId: response.headers.get("x-caller-request-id"),
      body: await response.json(),
    };
  } catch (error) {
    return { failed: String(error) };
  }
}
const data = await call({});
const refused = await call({ authorization: "Bearer not-a-key-at-all" });
document.getElementById("result").textContent = JSON.stringify({ data, refused });
</script></body></html>`;

async function servePage(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(APP_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface AppResult {
  data: { status?: number; requestId?: string | null; callerRequestId?: string | null; body?: any; failed?: string };
  refused: { status?: number; requestId?: string | null; body?: any; failed?: string };
}

describe("a browser app on another origin", () => {
  let gw: TestGateway | undefined;
  let browser: Browser | undefined;
  let listed: Awaited<ReturnType<typeof servePage>> | undefined;
  let unlisted: Awaited<ReturnType<typeof servePage>> | undefined;
  const preflights: string[] = [];

  beforeAll(async () => {
    if (!executable) return;
    [listed, unlisted] = await Promise.all([servePage(), servePage()]);
    const allowed = listed.origin;
    // Localhost off, so the two pages (both on 127.0.0.1, on different ports) differ only by being listed or not.
    [gw, browser] = await Promise.all([
      startTestGateway({ citizens: 200, configure: (c) => ({ ...c, cors: { origins: [allowed], anyOrigin: false, localhost: false } }) }),
      launchChromium(executable, { loopbackOnly: true }),
    ]);
    gw.server.http.on("request", (req: http.IncomingMessage) => {
      if (req.method === "OPTIONS") preflights.push(String(req.headers.origin));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await listed?.close();
    await unlisted?.close();
  });

  async function runApp(origin: string): Promise<AppResult> {
    const context = await browser!.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/?gateway=${encodeURIComponent(gw!.url)}`);
      await page.waitForFunction(() => document.getElementById("result")?.textContent !== "running", undefined, { timeout: 20_000 });
      return JSON.parse((await page.locator("#result").textContent()) ?? "{}") as AppResult;
    } finally {
      await context.close();
    }
  }

  it.skipIf(!executable && !inCI)("gets the data and reads x-request-id when its origin is listed, errors included", async () => {
    if (!executable || !gw || !listed) throw new Error(MISSING);
    const result = await runApp(listed.origin);
    expect(result.data.failed).toBeUndefined();
    expect(result.data.status).toBe(200);
    expect(result.data.body.errors).toBeUndefined();
    expect(result.data.body.data.citizens.edges).toHaveLength(2);
    expect(result.data.body.data.citizens.edges[0].node.personalId).toMatch(/^\d{12}$/);
    expect(result.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.data.callerRequestId).toBe("app-trace-1");
    // A refusal answered before GraphQL runs is readable too: its status, its code and the id to quote.
    expect(result.refused.status).toBe(401);
    expect(result.refused.body.errors[0].extensions.code).toBe("INVALID_CREDENTIAL");
    expect(result.refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The key and purpose headers made the browser ask first.
    expect(preflights).toContain(listed.origin);
  });

  it.skipIf(!executable && !inCI)("cannot read anything when its origin is not listed", async () => {
    if (!executable || !gw || !unlisted) throw new Error(MISSING);
    const result = await runApp(unlisted.origin);
    expect(result.data.failed).toMatch(/TypeError: Failed to fetch/);
    expect(result.refused.failed).toMatch(/TypeError: Failed to fetch/);
    expect(preflights).toContain(unlisted.origin);
  });
}, 60_000);
