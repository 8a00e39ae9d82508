/**
 * The IDE served at / works offline: every request to a host other than the gateway is blocked, and a
 * preloaded example still runs and shows seeded data.
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium } from "../support/browser.js";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const executable = chromiumPath();
if (!executable && process.env.CI) throw new Error("Chromium is required in CI for the IDE test: .ci/run installs the Debian package `chromium`.");
if (!executable) console.warn("IDE test skipped: install Chromium (apt-get install chromium) or set CHROMIUM_PATH.");

describe.skipIf(!executable)("GraphQL IDE", () => {
  let gw: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    [gw, browser] = await Promise.all([startTestGateway({ citizens: 300 }), launchChromium(executable!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it("loads with no internet access and runs the first example against seeded data", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const gateway = new URL(gw.url);
    const blocked: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.host === gateway.host || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    const graphqlResponses: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/graphql")) graphqlResponses.push(r.status());
    });

    await page.goto(`${gw.url}/`, { waitUntil: "load" });
    expect(await page.title()).toContain("NDAF Gateway");
    await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
    // The first tab holds the first example operation.
    await expect.poll(() => page.locator(".graphiql-query-editor").first().innerText(), { timeout: 30_000 }).toContain("CitizensOfHanoi");

    await page.locator("button.graphiql-execute-button").first().click();
    const result = page.locator(".graphiql-response").first();
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toMatch(/"personalId":\s*"\d{12}"|"errors"/);
    const text = await result.innerText();
    expect(text).toMatch(/"personalId":\s*"\d{12}"/);
    expect(text).toContain('"citizens"');
    expect(text).not.toContain('"errors"');
    expect(graphqlResponses.every((s) => s === 200)).toBe(true);

    fs.mkdirSync("test/.artifacts", { recursive: true });
    await page.screenshot({ path: "test/.artifacts/ide.png" });
    if (blocked.length) console.info(`IDE worked with ${blocked.length} outside request(s) blocked: ${[...new Set(blocked.map((u) => new URL(u).host))].join(", ")}`);
  });
});
