/// <reference lib="dom" />
// The DOM library for the test files: browser tests run functions in the page (document, window), and tests read
// fetch responses with the DOM's typing (json(): any). The gateway's own sources are checked without it.
/**
 * Headless Chromium for browser tests: Debian's package (`apt-get install chromium`) driven by playwright-core.
 * Never a browser build downloaded by Playwright (`npx playwright install` does not work on these machines).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The Chromium executable: `CHROMIUM_PATH` when set (it must exist), else /usr/bin/chromium, else `which chromium`.
 * Undefined when there is none.
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface LaunchOptions {
  /**
   * Also cut the browser off from every host but loopback at the network level: a proxy on a closed local port
   * for everything Chromium does not send to loopback directly, and host names other than loopback resolve to
   * nothing. Tests still see (and can record) requests through `page.route`; this catches what routing cannot.
   */
  loopbackOnly?: boolean;
}

/**
 * Launches headless Chromium with the flags this kind of machine needs (no sandbox as root, no GPU, no QUIC, no
 * background traffic to Google). playwright-core gives every launch a fresh temporary --user-data-dir and adds
 * --disable-dev-shm-usage itself (Debian's wrapper script would not on every machine).
 */
export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<Browser> {
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  if (options.loopbackOnly) {
    // Port 9 (discard) on loopback is closed: anything proxied fails at once. Chromium never proxies loopback.
    args.push(
      "--proxy-server=http://127.0.0.1:9",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]",
    );
  }
  return chromium.launch({ executablePath, headless: true, args, timeout: 30_000 });
}
