/**
 * The GraphQL IDE served at / works offline: in headless Chromium, with every request to a host other than
 * loopback aborted, GraphiQL renders, its first preloaded example runs, and the result pane shows seeded data.
 *
 * Needs Chromium (Debian package `chromium`, or CHROMIUM_PATH). Without it the test is skipped with a warning,
 * except when CI is set: then it fails and says so.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS, type ExampleOperation } from "../../src/http/examples.js";
import { Ide } from "../../src/http/ide.js";
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

/** Replaces the active tab's query as a user would: select all in the query editor, delete, type the new text. */
async function typeQuery(page: Page, text: string): Promise<void> {
  const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // insertText: the text as typed, without Monaco's bracket auto-closing or suggestions adding to it.
  await page.keyboard.insertText(text);
  await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain(text);
}

/**
 * Switches tabs from the keyboard (focus the tab, Enter). A mouse click on a tab does not switch in headless
 * Chromium: GraphiQL's tabs are drag-to-reorder items, and the synthetic press never reaches their click handler.
 */
async function openTab(page: Page, index: number): Promise<void> {
  await page.locator(".graphiql-tab-button").nth(index).focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.locator(".graphiql-tab").nth(index).getAttribute("class"), { timeout: 10_000 })
    .toContain("graphiql-tab-active");
}

/** The request a run of the active tab sends, and what the result pane then shows. */
async function runAndRead(
  page: Page,
  gatewayUrl: string,
  expected: RegExp,
): Promise<{ body: { data?: any; errors?: unknown[] }; shown: string; sent: any }> {
  const executed = page.waitForResponse(
    (r) =>
      r.url() === `${gatewayUrl}/graphql` &&
      r.request().method() === "POST" &&
      !(r.request().postData() ?? "").includes("IntrospectionQuery"),
    {
      timeout: 20_000,
    },
  );
  executed.catch(() => {});
  await runActiveTab(page);
  await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 15_000 }).toMatch(expected);
  const response = await executed;
  return {
    body: (await response.json()) as { data?: any; errors?: unknown[] },
    shown: await editorText(page, ".graphiql-response"),
    sent: JSON.parse(response.request().postData() ?? "{}"),
  };
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

  it.skipIf(!executable && !inCI)(
    "loads with every outside host blocked and runs the first example on seeded data",
    async () => {
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
        r.url() === `${gw!.url}/graphql` &&
        r.request().method() === "POST" &&
        (r.request().postData() ?? "").includes(`"operationName":"${operationName}"`);
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

      // The first tab's preloaded variables are in the variables editor and sent with the request (src/http/ide-client.ts).
      const sent = JSON.parse(response.request().postData() ?? "{}") as { variables?: unknown };
      if (FIRST.variables) expect(sent.variables).toEqual(FIRST.variables);

      fs.mkdirSync(fileURLToPath(new URL("../.artifacts/", import.meta.url)), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      console.info(
        `IDE ran ${FIRST.name} via ${how} in ${Date.now() - started} ms; ` +
          (blocked.length
            ? `${blocked.length} outside request(s) blocked: ${[...new Set(blocked)].join(", ")}`
            : "no outside request was attempted") +
          (failed.length ? `; other failed requests: ${failed.join(", ")}` : ""),
      );
      await context.close();
    },
    40_000,
  );

  it.skipIf(!executable && !inCI)(
    "runs what the user types, in the first tab, in another preloaded tab and in a new tab",
    async () => {
      if (!executable || !browser || !gw) throw new Error(MISSING);
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(`${gw.url}/`, { waitUntil: "load" });
      await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator(".graphiql-tab-active").first().innerText(), { timeout: 10_000 }).toContain(FIRST.name);

      // The first tab: cleared and replaced by an anonymous query (once "Cannot infer operation CitizensOfHanoi").
      await typeQuery(page, "{ provinces { code name } }");
      const first = await runAndRead(page, gw.url, /"provinces"/);
      expect(first.shown).not.toMatch(/Cannot infer operation|"errors"/);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data.provinces).toHaveLength(34);
      expect(first.shown).toMatch(/"code": "\d{2}"/);
      expect(first.sent.operationName ?? null).toBeNull();

      // Another preloaded tab (the second example), its text replaced by a named query of the user's own.
      await openTab(page, 1);
      await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain(EXAMPLE_OPERATIONS[1].name);
      await typeQuery(page, 'query MyProcedure { procedure(code: "1.001193") { code name } }');
      const second = await runAndRead(page, gw.url, /"procedure"/);
      expect(second.body.errors).toBeUndefined();
      expect(second.body.data.procedure.code).toBe("1.001193");
      expect(second.sent.operationName).toBe("MyProcedure");

      // A new tab of the user's own.
      await page
        .getByRole("button", { name: /new tab/i })
        .first()
        .click();
      await typeQuery(page, "{ provinces { name } }");
      const third = await runAndRead(page, gw.url, /"name": "/);
      expect(third.body.errors).toBeUndefined();
      expect(third.body.data.provinces).toHaveLength(34);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it.skipIf(!executable && !inCI)(
    "remembers the user's own tabs across reloads, and shows an updated example in place of the old one",
    async () => {
      if (!executable || !browser || !gw) throw new Error(MISSING);
      // The IDE of two gateway versions in turn on one origin (so one localStorage), sending to the test gateway.
      const v1: ExampleOperation[] = [
        { name: "Alpha", query: "# version 1\nquery Alpha { provinces { code } }" },
        { name: "Beta", query: "query Beta { provinces { name } }" },
      ];
      const v2: ExampleOperation[] = [
        { name: "Alpha", query: "# version 2\nquery Alpha { provinces { code name communeCount } }" },
        v1[1],
        { name: "Gamma", query: 'query Gamma { procedure(code: "1.001193") { name } }' },
      ];
      let current = new Ide({ endpoint: `${gw.url}/graphql`, examples: v1 });
      const server = http.createServer((req, res) => {
        current.handle(req, res, new URL(req.url ?? "/", "http://x").pathname).then((handled) => handled || res.writeHead(404).end());
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      try {
        const page = await context.newPage();
        const titles = () => page.locator(".graphiql-tab-button").allInnerTexts();
        const open = async () => {
          await page.goto(`${origin}/`, { waitUntil: "load" });
          await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });
        };
        await open();
        expect(await titles()).toEqual(["Alpha", "Beta"]);

        // The user edits the second example and writes a tab of their own; GraphiQL stores its tabs (debounced).
        await openTab(page, 1);
        await typeQuery(page, "query Beta { provinces { code name } }");
        await page
          .getByRole("button", { name: /new tab/i })
          .first()
          .click();
        await typeQuery(page, "query Mine { provinces { communeCount } }");
        await expect
          .poll(() => page.evaluate(() => localStorage.getItem("graphiql:tabState") ?? ""), { timeout: 10_000 })
          .toContain("Mine");

        // Same version again: the examples, then the user's tabs; nothing doubled.
        await open();
        expect(await titles()).toEqual(["Alpha", "Beta", "Beta", "Mine"]);
        await open();
        expect(await titles()).toEqual(["Alpha", "Beta", "Beta", "Mine"]);

        // A new version changes Alpha and adds Gamma: the new Alpha replaces the unedited old one, the user's tabs stay.
        current = new Ide({ endpoint: `${gw.url}/graphql`, examples: v2 });
        await open();
        expect(await titles()).toEqual(["Alpha", "Beta", "Gamma", "Beta", "Mine"]);
        await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain("# version 2");
        await openTab(page, 3);
        await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain("provinces { code name }");
        await openTab(page, 4);
        await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 10_000 }).toContain("query Mine");
        const run = await runAndRead(page, gw.url, /"communeCount"/);
        expect(run.body.errors).toBeUndefined();

        // A shared link opens its query first.
        await page.goto(`${origin}/?query=${encodeURIComponent("query Shared { provinces { code } }")}`, { waitUntil: "load" });
        await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });
        expect((await titles())[0]).toBe("Shared");
        expect(new URL(page.url()).search).toBe("");
      } finally {
        await context.close();
        await new Promise((resolve) => server.close(resolve));
      }
    },
    90_000,
  );
});
