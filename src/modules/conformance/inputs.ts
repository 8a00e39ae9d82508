/**
 * What a conformance check is given — named text files — and JSON read with positions, so a finding or an input
 * error can say file, line and column. Malformed input is a ConformanceInputError (exit 2 on the command line,
 * INVALID_CONFORMANCE_INPUT through the API), never a finding.
 */
import { findNodeAtLocation, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { GatewayError } from "../../platform/errors.js";
import { type Message, say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

export interface InputFile {
  /** The file's name as the user gave it (a relative path on the command line). */
  name: string;
  content: string;
}

export interface ConformanceInputs {
  /**
   * GraphQL documents (.graphql, .gql), code holding them in templates (.ts, .tsx, .js, .jsx, …) and sample
   * variables for them (<document name>.variables.json).
   */
  operations: InputFile[];
  /** JSON sample records (citizens, addresses, enterprises, branches, parcels, dossiers). */
  samples: InputFile[];
  /** The provincial system's own schema: SDL, or an introspection result as JSON. */
  schema: InputFile | null;
  /** Their type name → the national type it stands for (`CongDan` → `Citizen`), for the schema comparison. */
  schemaTypeMap?: Record<string, string>;
  /** The system's own Apollo Federation 2 subgraph (SDL), composed with the national subgraphs. */
  subgraph?: InputFile | null;
  /** The subgraph's name in the composition; by default its file name without the extension. */
  subgraphName?: string | null;
}

export class ConformanceInputError extends GatewayError {
  constructor(file: string, message: string, position?: { line: number; column: number }) {
    const where = position ? `${file}:${position.line}:${position.column}` : file;
    super("INVALID_CONFORMANCE_INPUT", `${where}: ${message}`, { file, line: position?.line ?? null, column: position?.column ?? null });
  }
}

export function isVariablesFile(name: string): boolean {
  return /\.variables\.json$/i.test(name);
}

/** A GraphQL document: the whole file is GraphQL. */
export function isOperationsFile(name: string): boolean {
  return /\.(graphql|gql)$/i.test(name);
}

const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

/** TypeScript or JavaScript, whose GraphQL documents are templates (`graphql(\`…\`)`, `gql\`…\``). */
export function isCodeFile(name: string): boolean {
  return CODE_FILE.test(name);
}

/** The name sample variables are keyed by: `ops/applicant.graphql` and `src/applicant.ts` → `ops/applicant`, `src/applicant`. */
export function documentBase(name: string): string {
  return name.replace(/\.(graphql|gql)$/i, "").replace(CODE_FILE, "");
}

/** Line starts of a text, for offset → line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

export type JsonPath = (string | number)[];

export function formatJsonPath(path: JsonPath): string {
  let out = "$";
  for (const part of path)
    out += typeof part === "number" ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  return out;
}

const JSON_ERRORS: Record<string, Message> = {
  InvalidSymbol: M.jsonInvalidSymbol,
  InvalidNumberFormat: M.jsonInvalidNumberFormat,
  PropertyNameExpected: M.jsonPropertyNameExpected,
  ValueExpected: M.jsonValueExpected,
  ColonExpected: M.jsonColonExpected,
  CommaExpected: M.jsonCommaExpected,
  CloseBraceExpected: M.jsonCloseBraceExpected,
  CloseBracketExpected: M.jsonCloseBracketExpected,
  EndOfFileExpected: M.jsonEndOfFileExpected,
  InvalidCommentToken: M.jsonInvalidCommentToken,
  UnexpectedEndOfString: M.jsonUnexpectedEndOfString,
  UnexpectedEndOfNumber: M.jsonUnexpectedEndOfNumber,
  InvalidUnicode: M.jsonInvalidUnicode,
  InvalidEscapeCharacter: M.jsonInvalidEscapeCharacter,
  InvalidCharacter: M.jsonInvalidCharacter,
  UnexpectedEndOfComment: M.jsonInvalidCommentToken,
};

/** A parsed JSON file that can say where a value is. */
export class JsonDocument {
  readonly value: unknown;
  private readonly lines: LineIndex;

  private constructor(
    readonly file: string,
    private readonly root: Node,
    text: string,
  ) {
    this.value = getNodeValue(root);
    this.lines = new LineIndex(text);
  }

  /** Parses strictly (no comments, no trailing commas); a ConformanceInputError names file, line and column. */
  static parse(file: InputFile): JsonDocument {
    const text = file.content.replace(/^\uFEFF/, "");
    if (text.trim() === "") throw new ConformanceInputError(file.name, say(M.emptyJson));
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0 || !root) {
      const first = errors[0];
      const position = first ? new LineIndex(text).position(first.offset) : undefined;
      const known = first ? JSON_ERRORS[printParseErrorCode(first.error)] : undefined;
      const what = known ? say(known) : first ? printParseErrorCode(first.error) : say(M.jsonNotJson);
      throw new ConformanceInputError(file.name, say(M.invalidJson, { what }), position);
    }
    return new JsonDocument(file.name, root, text);
  }

  /** Line and column of the value at `path`, or of the nearest enclosing value that exists. */
  locate(path: JsonPath): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, path.slice(0, n));
      if (node) return this.lines.position(node.offset);
    }
    return { line: 1, column: 1 };
  }

  /** A finding location for the value at `path`. */
  at(path: JsonPath): { file: string; line: number; column: number; path: string } {
    return { file: this.file, ...this.locate(path), path: formatJsonPath(path) };
  }
}
