/**
 * The GraphQL IDE served at / works offline: in headless Chromium, with every request to a host other than
 * loopback aborted, GraphiQL renders, its first preloaded example runs, and the result pane shows seeded data.
 *
 * Needs Chromium (Debian package `chromium`, or CHROMIUM_PATH). Without it the test is skipped with a warning,
 * except when CI is set: then it fails and says so.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../src/examples.js";
import { chromiumPath, launchChromium } from "../support/browser.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const executable = chromiumPath();
const inCI = Boolean(process.env.CI);
const MISSING = "Chromium is not installed: install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.";
if (!executable && !inCI) console.warn(`IDE test skipped. ${MISSING}`);

const SCREENSHOT = fileURLToPath(new URL("../.artifacts/ide.png", import.meta.url));
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const FIRST = EXAMPLE_OPERATIONS[0];

/** Text of a Monaco editor as displayed (only the lines in view are in the DOM), with Monaco's no-break spaces as spaces. */
async function editorText(page: Page, container: string): Promise<string> {
  const text = await page.locator(`${container} .monaco-editor .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, " ");
}

/**
 * Runs the active tab as a user would: the toolbar's run button (GraphiQL 5: aria-label "Execute query (Ctrl-Enter)",
 * class graphiql-execute-button), or Ctrl-Enter in the query editor when neither is found.
 */
async function runActiveTab(page: Page): Promise<string> {
  const byRole = page.getByRole("button", { name: /^execute query/i });
  if (await byRole.count()) {
    await byRole.first().click();
    return "button (role, name 'Execute query…')";
  }
  const byClass = page.locator("button.graphiql-execute-button");
  if (await byClass.count()) {
    await byClass.first().click();
    return "button.graphiql-execute-button";
  }
  await page.locator(".graphiql-query-editor .monaco-editor").first().click();
  await page.keyboard.press("Control+Enter");
  return "Ctrl-Enter in the query editor";
}

describe("GraphQL IDE at /", () => {
  let gw: TestGateway | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!executable) return;
    [gw, browser] = await Promise.all([startTestGateway({ citizens: 300 }), launchChromium(executable, { loopbackOnly: true })]);
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it.skipIf(!executable && !inCI)("loads with every outside host blocked and runs the first example on seeded data", async () => {
    if (!executable || !browser || !gw) throw new Error(MISSING);
    const started = Date.now();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();

    // Every request that leaves loopback is aborted and recorded; the page must work without them.
    const blocked: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname)) return route.continue();
      blocked.push(url.href);
      return route.abort("blockedbyclient");
    });
    const failed: string[] = []; // failures other than the aborts above
    page.on("requestfailed", (r) => {
      if (!blocked.includes(r.url())) failed.push(`${r.url()} (${r.failure()?.errorText})`);
    });
    page.on("websocket", (ws) => blocked.push(`websocket ${ws.url()}`));
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));

    const isGraphQL = (operationName: string) => (r: Response) =>
      r.url() === `${gw!.url}/graphql` && r.request().method() === "POST" && (r.request().postData() ?? "").includes(`"operationName":"${operationName}"`);
    const introspection = page.waitForResponse(isGraphQL("IntrospectionQuery"), { timeout: 30_000 });
    introspection.catch(() => {}); // awaited below; no unhandled rejection if the test fails before that

    const document = await page.goto(`${gw.url}/`, { waitUntil: "load" });
    expect(document?.status()).toBe(200);
    expect(document?.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await page.title()).toContain("NDAF Gateway");

    // GraphiQL rendered: its container, Monaco editors, the schema fetched through the gateway.
    await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });
    expect((await introspection).status()).toBe(200);

    // The first tab, selected, holds the first example.
    expect(FIRST.name).toBe("CitizensOfHanoi");
    await expect.poll(() => page.locator(".graphiql-tab-active").first().innerText(), { timeout: 10_000 }).toContain(FIRST.name);
    await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain(`query ${FIRST.name}`);

    const executed = page.waitForResponse(isGraphQL(FIRST.name), { timeout: 20_000 });
    const how = await runActiveTab(page);
    const response = await executed;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.citizens.edges.length).toBeGreaterThan(0);

    // What the user sees in the result pane (the part of it in view).
    await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 15_000 }).toMatch(/"personalId": "\d{12}"/);
    const shown = await editorText(page, ".graphiql-response");
    expect(shown).toContain('"citizens"');
    expect(shown).toMatch(/"personalId": "\d{12}"/);
    expect(shown).not.toContain('"errors"');
    expect(pageErrors).toEqual([]);

    // The first tab's preloaded variables are in the variables editor and sent with the request (src/ide.ts).
    const sent = JSON.parse(response.request().postData() ?? "{}") as { variables?: unknown };
    if (FIRST.variables) expect(sent.variables).toEqual(FIRST.variables);

    fs.mkdirSync(fileURLToPath(new URL("../.artifacts/", import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    console.info(
      `IDE ran ${FIRST.name} via ${how} in ${Date.now() - started} ms; ` +
        (blocked.length ? `${blocked.length} outside request(s) blocked: ${[...new Set(blocked)].join(", ")}` : "no outside request was attempted") +
        (failed.length ? `; other failed requests: ${failed.join(", ")}` : ""),
    );
    await context.close();
  }, 40_000);
});
