/**
 * One trusted document: an operation and the fragments it uses, printed by graphql-js, named by the SHA-256 of that
 * text. The printed text is what the gateway hands Apollo for the id, so the id is also the hash Apollo keys its
 * validated-document cache on.
 */
import { createHash } from "node:crypto";
import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, print, Source } from "graphql";
import { reachableDefinitions } from "../access/index.js";
import type { InputFile } from "../conformance/index.js";

/** `sha256:` and 64 lower-case hex digits: the GraphQL-over-HTTP persisted documents form of a document id. */
export const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

export interface TrustedDocument {
  id: string;
  body: string;
  operationName: string | null;
  operationType: "query" | "mutation" | "subscription";
  /** The file the operation was read from (as given on the command line). */
  file: string;
}

export function documentIdOf(body: string): string {
  return `sha256:${createHash("sha256").update(body, "utf8").digest("hex")}`;
}

/**
 * One document per operation of the files, each with the fragments it reaches wherever they are defined (sorted by
 * name, so moving a fragment to another file or reordering a file does not change the id). The files are assumed to
 * have passed the conformance check, which parses them and refuses a fragment defined twice.
 */
export function documentsOf(files: InputFile[]): TrustedDocument[] {
  const parsed = files.map((file) => ({ file, document: parse(new Source(file.content, file.name), { noLocation: true }) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of parsed) {
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(d.name.value)) fragments.set(d.name.value, d);
  }
  const byId = new Map<string, TrustedDocument>();
  for (const { file, document } of parsed) {
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const candidates: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] };
      const [op, ...used] = reachableDefinitions(candidates, operation.name?.value) as [
        OperationDefinitionNode,
        ...FragmentDefinitionNode[],
      ];
      const body = print({ kind: Kind.DOCUMENT, definitions: [op, ...used.sort((a, b) => (a.name.value < b.name.value ? -1 : 1))] });
      const id = documentIdOf(body);
      if (!byId.has(id))
        byId.set(id, { id, body, operationName: operation.name?.value ?? null, operationType: operation.operation, file: file.name });
    }
  }
  return [...byId.values()];
}
