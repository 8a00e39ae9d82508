/**
 * The GraphQL IDE served at the gateway's root: GraphiQL (@graphql-yoga/render-graphiql's build, with its Monaco
 * workers) preloaded with example operations, working with no internet access.
 *
 * The page is small and revalidated on every load (ETag, 304), so updated examples show at once; GraphiQL's script,
 * stylesheet and workers are separate files under /ide/<hash>/, cached for a year, and every file goes brotli- or
 * gzip-compressed. Nothing is loaded or compressed until the IDE is first asked for.
 */
import type http from "node:http";
import { EXAMPLE_OPERATIONS, type ExampleOperation } from "./examples.js";
import { StaticAsset } from "./assets.js";
import { IDE_CLIENT_SCRIPT } from "./ide-client.js";

/** Where the IDE's files are served; each URL carries its content hash, so a new build gets new URLs. */
export const IDE_ASSET_PREFIX = "/ide/";

/** Request headers the IDE starts with: the demo keys and purpose in development, none in production. */
export interface IdeHeaders {
  all: Record<string, string>;
  citizen: Record<string, string>;
  organization: Record<string, string>;
}

/** A 200-byte icon instead of render-graphiql's 151 KB of base64 (six PNG sizes of Yoga's logo). */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/>' +
      '<path d="M9 23V9h3l8 9V9h3v14h-3l-8-9v9z" fill="#fff"/></svg>',
  );

const IMMUTABLE = "public, max-age=31536000, immutable";

const CODE_BLOCKS_DROPPED = ["U+0460", "U+0400", "U+1F00", "U+0370"];

/**
 * GraphiQL's stylesheet, lighter: its second copy of the codicon font, and the Cyrillic and Greek subsets of its
 * Roboto and Fira Code fonts (Vietnamese, Latin and Latin Extended are kept): 812 KB → 523 KB, 351 KB → 219 KB brotli.
 */
export function trimStylesheet(css: string): string {
  const seen = new Set<string>();
  return css.replace(/@font-face\{[^}]*\}/g, (face) => {
    // The same family and font data again (its properties in another order) is the same face.
    const key = `${/font-family:([^;}]*)/.exec(face)?.[1]}|${/src:\s*url\(([^)]*)\)/.exec(face)?.[1] ?? face}`;
    if (seen.has(key)) return "";
    seen.add(key);
    const range = /unicode-range:\s*([^;}]*)/.exec(face)?.[1]?.trim().toUpperCase() ?? "";
    return CODE_BLOCKS_DROPPED.some((start) => range.startsWith(start)) ? "" : face;
  });
}

interface Files {
  page: StaticAsset;
  byPath: Map<string, StaticAsset>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface IdeOptions {
  /** Where GraphiQL sends operations (a path on this server, or a URL). */
  endpoint: string;
  headers?: IdeHeaders;
  /** The preloaded tabs, in order (default: src/http/examples.ts). */
  examples?: ExampleOperation[];
  title?: string;
}

export class Ide {
  private files?: Promise<Files>;
  private readonly endpoint: string;
  private readonly headers?: IdeHeaders;
  private readonly examples: ExampleOperation[];
  private readonly title: string;

  constructor(options: IdeOptions) {
    this.endpoint = options.endpoint;
    this.headers = options.headers;
    this.examples = options.examples ?? EXAMPLE_OPERATIONS;
    this.title = options.title ?? "NDAF Gateway — GraphQL IDE";
  }

  /** Answers GET (or HEAD) of the page at / and of its files under /ide/; false for a path that is neither. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
    const files = await this.load();
    const asset = pathname === "/" ? files.page : files.byPath.get(pathname);
    if (!asset) return false;
    await asset.send(req, res);
    return true;
  }

  /** The page's HTML, as served. */
  async pageText(): Promise<string> {
    return (await this.load()).page.body.toString("utf8");
  }

  private load(): Promise<Files> {
    this.files ??= this.build();
    this.files.catch(() => (this.files = undefined));
    return this.files;
  }

  private async build(): Promise<Files> {
    // 9 MB of JavaScript: loaded when the IDE is first opened, not when the gateway starts.
    const bundle = await import("@graphql-yoga/render-graphiql/graphiql");
    const byPath = new Map<string, StaticAsset>();
    const add = (name: string, asset: StaticAsset): string => {
      const path = `${IDE_ASSET_PREFIX}${asset.hash}/${name}`;
      byPath.set(path, asset);
      // Relative to the page at /, so the IDE also works behind a proxy that serves the gateway under a prefix.
      return path.slice(1);
    };
    const script = "text/javascript; charset=utf-8";
    const css = add("graphiql.css", StaticAsset.text(trimStylesheet(bundle.css), "text/css; charset=utf-8", IMMUTABLE));
    const js = add("graphiql.js", StaticAsset.text(bundle.js, script, IMMUTABLE));
    const workers = {
      editorWorkerService: add("editor.worker.js", StaticAsset.text(bundle.editorWorkerService, script, IMMUTABLE)),
      json: add("json.worker.js", StaticAsset.text(bundle.jsonWorker, script, IMMUTABLE)),
      graphql: add("graphql.worker.js", StaticAsset.text(bundle.graphqlWorker, script, IMMUTABLE)),
    };

    const headersOf = (as: ExampleOperation["as"] = "all", language?: ExampleOperation["language"]) =>
      this.headers
        ? JSON.stringify({ ...this.headers[as], ...(language ? { "Accept-Language": language } : {}) }, null, 2)
        : language
          ? JSON.stringify({ "Accept-Language": language }, null, 2)
          : null;
    const config = {
      endpoint: this.endpoint,
      workers,
      examples: this.examples.map((op) => ({
        query: op.query,
        variables: op.variables ? JSON.stringify(op.variables, null, 2) : null,
        headers: headersOf(op.as, op.language),
      })),
      graphiql: {
        title: this.title,
        defaultHeaders: headersOf() ?? "{}",
        schemaDescription: true,
        isHeadersEditorEnabled: true,
        // Keys stay out of localStorage; a remembered tab gets the default headers again.
        shouldPersistHeaders: false,
      },
    };
    const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(this.title)}</title>
    <link rel="icon" href="${FAVICON}" />
    <link rel="stylesheet" href="${css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The GraphQL IDE needs JavaScript. GraphQL itself is at ${escapeHtml(this.endpoint)}.</noscript>
    <div id="root"></div>
    <script type="application/json" id="ide-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>
    <script src="${js}"></script>
    <script>${IDE_CLIENT_SCRIPT}</script>
  </body>
</html>
`;
    return { page: StaticAsset.text(html, "text/html; charset=utf-8", "no-cache"), byPath };
  }
}
