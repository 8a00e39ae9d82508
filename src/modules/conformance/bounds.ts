/**
 * How much one `checkConformance` call may ask of the gateway. The check is public and anonymous, and its cost
 * grows with what a document expands to, not with its length: one fragment of 2,000 fields spread by 60
 * operations is 23 KB and 120,000 fields to validate. Every bound exceeded is INVALID_CONFORMANCE_INPUT naming the
 * bound, its value and what was given; the command line runs on the system's own CI and has no bounds.
 */
import { type DocumentNode, type FragmentDefinitionNode, Kind, Lexer, type SelectionSetNode, Source, TokenKind } from "graphql";
import { GatewayError } from "../../platform/errors.js";
import { type ConformanceInputs, type InputFile, isCodeFile, isOperationsFile } from "./inputs.js";
import { language, type Message, say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

export interface ConformanceLimits {
  /** UTF-8 bytes of every file given, together. */
  maxInputBytes: number;
  /** GraphQL documents (.graphql, .gql) and code files holding them (.ts, .js, …). */
  maxOperationFiles: number;
  /** Operations in all documents together. */
  maxOperations: number;
  /** Lexical tokens of one document (the gateway's own limit is per operation sent). */
  maxDocumentTokens: number;
  /** Fragment spreads (`...Name`) written in all documents together. */
  maxFragmentSpreads: number;
  /** Fields of all operations with their fragments written out: a fragment counts once for every spread of it. */
  maxExpandedFields: number;
  /** JSON sample files. */
  maxSampleFiles: number;
  /** UTF-8 bytes of one sample file. */
  maxSampleBytes: number;
  /** UTF-8 bytes of the system's schema. */
  maxSchemaBytes: number;
  /** Entries of the schema type map. */
  maxTypeMapEntries: number;
  /** UTF-8 bytes of the system's subgraph schema. */
  maxSubgraphBytes: number;
}

/**
 * The API's bounds. A real provincial system fits in one call (the conformant fixture is 5 KB with 5 operations;
 * 200 operations of 125 fields each, a 256 KB sample file and a schema four times the national one's 57 KB still
 * pass), and the heaviest call they admit stays well inside the worker's 5 s budget: validation costs ~20–40 µs
 * per expanded field (one operation validates its fragments again), samples ~0.7 µs a byte, a schema ~0.6 µs a
 * byte. Measured on the 2-vCPU reference machine through the API: 200 operations spreading one 124-field fragment
 * with a 226 KB sample and a 194 KB schema, 1.0–1.7 s; 200 operations each reporting 60 conflicting fields, the
 * worst shape found, 1.6–3.2 s (the time budget is for shapes like that one). The gateway refuses an operation
 * over 5,000 tokens anyway, so a document of 20,000 holds four such. Larger systems check in parts, or with
 * `npx ndaf-gateway conformance`.
 */
/**
 * Findings an API answer lists in full; past it they are counted (errors, warnings, per rule) but not listed. Half a
 * megabyte of bad records can give 100,000 findings, a 30 MB answer built on the request thread; a provincial CI
 * that wants them all runs the command line, which lists every one.
 */
export const MAX_API_FINDINGS = 1_000;

export const API_LIMITS: ConformanceLimits = Object.freeze({
  maxInputBytes: 512 * 1024,
  maxOperationFiles: 100,
  maxOperations: 200,
  maxDocumentTokens: 20_000,
  maxFragmentSpreads: 1_000,
  maxExpandedFields: 25_000,
  maxSampleFiles: 50,
  maxSampleBytes: 256 * 1024,
  maxSchemaBytes: 256 * 1024,
  maxTypeMapEntries: 200,
  maxSubgraphBytes: 256 * 1024,
});

const WHAT: Record<keyof ConformanceLimits, Message> = {
  maxInputBytes: M.limitInputBytes,
  maxOperationFiles: M.limitOperationFiles,
  maxOperations: M.limitOperations,
  maxDocumentTokens: M.limitDocumentTokens,
  maxFragmentSpreads: M.limitFragmentSpreads,
  maxExpandedFields: M.limitExpandedFields,
  maxSampleFiles: M.limitSampleFiles,
  maxSampleBytes: M.limitSampleBytes,
  maxSchemaBytes: M.limitSchemaBytes,
  maxTypeMapEntries: M.limitTypeMapEntries,
  maxSubgraphBytes: M.limitSubgraphBytes,
};

/** A number as the reader writes it: 30,000 in English, 30.000 in Vietnamese. */
const count = (n: number) => n.toLocaleString(language());

/** A bound of the API exceeded: which (`limit`), its value (`maximum`), what was given (`actual`) and where. */
export class ConformanceLimitError extends GatewayError {
  constructor(limit: keyof ConformanceLimits, maximum: number, actual: number | string, file: string | null = null) {
    const shown = typeof actual === "number" ? count(actual) : actual;
    super(
      "INVALID_CONFORMANCE_INPUT",
      say(M.limitExceeded, { file: file ?? "(input)", what: say(WHAT[limit], { actual: shown }), limit, maximum: count(maximum) }),
      { limit, maximum, actual, file },
    );
  }
}

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

function atMost(limit: keyof ConformanceLimits, limits: ConformanceLimits, actual: number, file: string | null = null): void {
  if (actual > limits[limit]) throw new ConformanceLimitError(limit, limits[limit], actual, file);
}

/** The bounds that need no parsing: sizes and counts. Cheap, so also run before a call waits for a worker. */
export function assertInputSizes(inputs: ConformanceInputs, limits: ConformanceLimits): void {
  const files: InputFile[] = [
    ...inputs.operations,
    ...inputs.samples,
    ...(inputs.schema ? [inputs.schema] : []),
    ...(inputs.subgraph ? [inputs.subgraph] : []),
  ];
  atMost(
    "maxInputBytes",
    limits,
    files.reduce((sum, f) => sum + bytes(f.name) + bytes(f.content), 0),
  );
  atMost("maxOperationFiles", limits, inputs.operations.filter((f) => isOperationsFile(f.name) || isCodeFile(f.name)).length);
  atMost("maxSampleFiles", limits, inputs.samples.length);
  for (const file of inputs.samples) atMost("maxSampleBytes", limits, bytes(file.content), file.name);
  if (inputs.schema) atMost("maxSchemaBytes", limits, bytes(inputs.schema.content), inputs.schema.name);
  atMost("maxTypeMapEntries", limits, Object.keys(inputs.schemaTypeMap ?? {}).length);
  if (inputs.subgraph) atMost("maxSubgraphBytes", limits, bytes(inputs.subgraph.content), inputs.subgraph.name);
}

/** The tokens of a document that parse refused for having more than the limit, counted for the message. */
export function tokenLimitError(file: InputFile, maximum: number): ConformanceLimitError {
  let tokens = 0;
  try {
    const lexer = new Lexer(new Source(file.content, file.name));
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch {
    return new ConformanceLimitError("maxDocumentTokens", maximum, say(M.moreThan, { count: count(maximum) }), file.name);
  }
  return new ConformanceLimitError("maxDocumentTokens", maximum, tokens, file.name);
}

/**
 * Operations, spreads and expanded fields of the parsed documents, before any is validated. A fragment's size is
 * counted once (memoized), so a fragment that spreads another twice, which spreads another twice… is counted in
 * linear time, however large it expands; a spread of an unknown fragment or a cycle counts nothing (validation
 * reports those).
 */
export function assertDocumentBounds(
  documents: DocumentNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  limits: ConformanceLimits,
): void {
  let operations = 0;
  let spreads = 0;
  const sizes = new Map<string, number>();
  const open = new Set<string>();
  const size = (set: SelectionSetNode | undefined): number => {
    let n = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) n += 1 + size(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) n += size(selection.selectionSet);
      else n += fragmentSize(selection.name.value);
    }
    return n;
  };
  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || open.has(name)) return 0;
    open.add(name);
    const n = size(fragment.selectionSet);
    open.delete(name);
    sizes.set(name, n);
    return n;
  };
  const countSpreads = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) spreads++;
      else countSpreads(selection.selectionSet);
    }
  };
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) operations++;
      if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION)
        countSpreads(definition.selectionSet);
    }
  }
  atMost("maxOperations", limits, operations);
  atMost("maxFragmentSpreads", limits, spreads);
  let fields = 0;
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) fields += size(definition.selectionSet);
    }
  }
  // Nested spreads can expand past what a double holds exactly; past that, "more than" says enough.
  if (fields > limits.maxExpandedFields) {
    throw new ConformanceLimitError(
      "maxExpandedFields",
      limits.maxExpandedFields,
      Number.isSafeInteger(fields) ? fields : say(M.moreThan, { count: count(Number.MAX_SAFE_INTEGER) }),
    );
  }
}
