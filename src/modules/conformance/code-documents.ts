/**
 * GraphQL documents written inside TypeScript or JavaScript, as GraphQL Code Generator's client preset and Apollo
 * Client users write them: `graphql(\`query X { … }\`)`, `gql\`…\``, or a template after a `/* GraphQL *\/` comment.
 * graphql-tag-pluck (the loader codegen itself uses) finds them; each becomes a graphql Source whose
 * `locationOffset` is where its text starts in the file, so findings name the line and column of the code file.
 */
import { createRequire } from "node:module";
import { Source } from "graphql";
import { ConformanceInputError, type InputFile } from "./inputs.js";
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

type Pluck = typeof import("@graphql-tools/graphql-tag-pluck");
type TemplateLiteral = Parameters<NonNullable<NonNullable<Parameters<Pluck["gqlPluckFromCodeStringSync"]>[2]>["pluckStringFromFile"]>>[1];

/** Loaded on the first code file: Babel takes ~0.3 s to load, which a check of .graphql files alone never pays. */
let pluck: Pluck | undefined;
const loadPluck = (): Pluck => (pluck ??= createRequire(import.meta.url)("@graphql-tools/graphql-tag-pluck") as Pluck);

/**
 * A template's text with every position kept: interpolations (`${Fragment}`) become spaces, newlines stay, and an
 * escaped backtick or dollar keeps its width. graphql-tag-pluck's own extraction trims and dedents the text, which
 * would move every column.
 */
function templateText(code: string, node: TemplateLiteral): string {
  const start = node.start! + 1;
  let text = code.slice(start, node.end! - 1);
  for (let i = 0; i + 1 < node.quasis.length; i++) {
    const from = node.quasis[i].end! - start;
    const to = node.quasis[i + 1].start! - start;
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, " ") + text.slice(to);
  }
  text = text.replace(/\\([`$])/g, " $1");
  return text.trim() === "" ? "" : text;
}

/**
 * Whether code may hold a document: the tag, the function, the import it comes from and the magic comment all
 * spell gql or graphql, so a file that mentions neither holds none and need not be parsed.
 */
export function mayHoldDocuments(content: string): boolean {
  return /gql|graphql/i.test(content);
}

/**
 * The GraphQL documents in a code file, each a Source named as the file with the position of its first character.
 * Code that does not parse is a ConformanceInputError at its line.
 */
export function documentsInCode(file: InputFile): Source[] {
  if (!mayHoldDocuments(file.content)) return [];
  let plucked: Source[];
  try {
    plucked = loadPluck().gqlPluckFromCodeStringSync(file.name, file.content, { pluckStringFromFile: templateText });
  } catch (error) {
    const e = error as Error & { loc?: { line: number; column: number } };
    const position = e.loc ? { line: e.loc.line, column: e.loc.column + 1 } : undefined;
    throw new ConformanceInputError(file.name, say(M.notCode, { detail: e.message.replace(/\s*\(\d+:\d+\)$/, "") }), position);
  }
  // Babel gives the backtick's line (1-based) and column (0-based); the text starts one character after it.
  return plucked.map((s) => new Source(s.body, file.name, { line: s.locationOffset.line, column: s.locationOffset.column + 2 }));
}

/**
 * Line and column in the file of a position graphql-js gives inside a Source (its `getLocation` ignores the
 * offset). The offset's column applies to the Source's first line only, as graphql-js prints it.
 */
export function inFile(source: Source, position: { line: number; column: number }): { line: number; column: number } {
  const { line, column } = source.locationOffset;
  return { line: line + position.line - 1, column: position.line === 1 ? column + position.column - 1 : position.column };
}
