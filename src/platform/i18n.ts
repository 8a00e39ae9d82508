/**
 * Messages in the reader's language: English, or Vietnamese with `Accept-Language: vi`. Each module declares its
 * messages once, both languages side by side, as templates with `{name}` placeholders (`messages(...)`); code says
 * a message with `say(...)`, which renders it in the language of the request being answered (held in
 * AsyncLocalStorage around the request, so nothing passes it along). Codes and extensions never change with the
 * language; only the words people read do. test/unit/messages.test.ts fails when an entry lacks a language, when
 * its languages name different placeholders, or when a typed error's message is written outside a catalogue.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const LANGUAGES = ["en", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** One message: the same template in each language. */
export interface Message {
  en: string;
  vi: string;
}

export type Catalogue = Record<string, Message>;

/** Every catalogue declared, by its name: what the coverage test walks. */
export const CATALOGUES = new Map<string, Catalogue>();

/** Declares a module's messages (once per name). */
export function messages<const T extends Catalogue>(name: string, catalogue: T): T {
  CATALOGUES.set(name, catalogue);
  return catalogue;
}

const current = new AsyncLocalStorage<Language>();

/**
 * Runs in a language other than the default now (nested runs counted): while there are none the storage is
 * disabled. On Node 20 an enabled AsyncLocalStorage runs a hook for every promise the process makes — measured at
 * 5–17 % of a request's CPU in `npm run bench` — and an answer in English, the default, needs none of it: outside a
 * store `language()` is English.
 */
let running = 0;

function release(): void {
  if (--running === 0) current.disable();
}

/** Runs `fn` (and everything it starts) answering in `language`. */
export function withLanguage<T>(language: Language, fn: () => T): T {
  if (language === DEFAULT_LANGUAGE && current.getStore() === undefined) return fn();
  running++;
  let result: T;
  try {
    result = current.run(language, fn);
  } catch (error) {
    release();
    throw error;
  }
  if (typeof (result as { then?: unknown } | null)?.then !== "function") {
    release();
    return result;
  }
  return Promise.resolve(result).finally(release) as T;
}

/** The language of the request being answered; English outside one (the CLI, start-up). */
export function language(): Language {
  return current.getStore() ?? DEFAULT_LANGUAGE;
}

type Value = string | number | boolean | null | undefined;

/** The names a template's `{placeholders}` use, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]))];
}

/** Renders a template: each `{name}` by its parameter (a placeholder without one stays as written). */
export function render(template: string, params: Record<string, Value> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    name in params && params[name] !== undefined && params[name] !== null ? String(params[name]) : whole,
  );
}

/** The message in the current request's language (or `in`), its placeholders filled. */
export function say(message: Message, params: Record<string, Value> = {}, inLanguage: Language = language()): string {
  return render(message[inLanguage], params);
}

/**
 * The language an `Accept-Language` header asks for (RFC 9110 §12.5.4), among the two the gateway speaks: the
 * highest-weighted of `vi…` and `en…`; English when it names neither, on a tie, or when it is malformed.
 */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return DEFAULT_LANGUAGE;
  let best: Language = DEFAULT_LANGUAGE;
  let bestWeight = 0;
  // Bounded: a header is read for its first 32 ranges, 512 characters.
  for (const range of value.slice(0, 512).split(",").slice(0, 32)) {
    const [tag, ...parameters] = range.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    const lang: Language | null = primary === "vi" ? "vi" : primary === "en" ? "en" : null;
    if (!lang) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(weight) || weight <= 0 || weight > 1) continue;
    if (weight > bestWeight) {
      best = lang;
      bestWeight = weight;
    }
  }
  return best;
}

/** `Content-Language` of an answer in this language. */
export const CONTENT_LANGUAGE: Record<Language, string> = { en: "en", vi: "vi" };
