/**
 * GraphQL Code Generator for the kit: types and typed documents from the repository's schema.graphql (offline, no
 * introspection: production gateways refuse it) and the operations written in src/. Run from the repository root:
 * `npm run kit:codegen` writes src/gql/, `npm run kit:check` fails when src/gql/ is not what it would write.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

const here = path.dirname(fileURLToPath(import.meta.url));
const local = (p: string) => path.relative(process.cwd(), path.join(here, p)) || ".";

/**
 * Every custom scalar of the national schema, as it travels in JSON. `strictScalars` makes codegen fail on a scalar
 * missing here, so a new one is mapped on purpose rather than typed `any`.
 */
const scalars = {
  /** 12 digits, kept as a string: leading zeros matter (001…, Hà Nội). */
  PersonalId: "string",
  /** 10 digits with a check digit, a string for the same reason. */
  TaxCode: "string",
  /** 2 digits (province) or 5 (commune) on the 2025 map; "01" is not 1. */
  AdministrativeUnitCode: "string",
  /** `YYYY-MM-DD`, no time zone: compare as strings, do not pass through `new Date()` (it shifts by the offset). */
  LocalDate: "string",
  /** RFC 3339 at UTC (`2026-01-15T08:30:00Z`): `new Date(value)` is safe. */
  DateTime: "string",
  /** A whole number within ±2^53 − 1 (money in VND, capital): a JavaScript number holds it exactly. */
  SafeInt: "number",
  /** A JSON object (an audit proof's self-contained document): save it as it came, e.g. with JSON.stringify. */
  JSONObject: "Record<string, unknown>",
};

const config: CodegenConfig = {
  schema: local("../../schema.graphql"),
  documents: [local("src/**/*.ts"), `!${local("src/gql/**")}`],
  ignoreNoDocuments: false,
  generates: {
    [`${local("src/gql")}/`]: {
      preset: "client",
      presetConfig: {
        // Plain typed results: a module reads what its own operation selected, fragments included.
        fragmentMasking: false,
      },
      config: {
        scalars,
        strictScalars: true,
        // Closed sets as unions of string literals ("MALE" | "FEMALE"): no runtime enum objects to import.
        enumType: "string-literal",
        // Apollo Client writes __typename on every object it caches, so the types may say so.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        useTypeImports: true,
        // Imports that both a bundler and Node's own ESM resolution accept.
        importExtension: ".js",
      },
    },
    // Unions and interfaces with their members, for the cache's possibleTypes (fragments on AdministrativeUnit,
    // LandHolderSubject, and the Node interface to come).
    [local("src/gql/possible-types.ts")]: {
      plugins: ["fragment-matcher"],
      config: { apolloClientVersion: 3, useExplicitTyping: true, deterministic: true },
    },
  },
};

export default config;
