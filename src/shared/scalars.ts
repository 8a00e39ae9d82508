/**
 * Custom scalars for national codes. Each validates on input (literal or variable) with a clear message and a
 * typed error code; on output values are passed through (they come from the sources, already valid).
 *
 * Every custom scalar, ours and those taken from graphql-scalars, carries `@specifiedBy` pointing at its section of
 * docs/scalars.md (format, examples, legal basis), so client code generators and IDEs can link each to its rules.
 */
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver, SafeIntResolver } from "graphql-scalars";
import { ADMIN_UNIT_CODE_PATTERN, parsePersonalId, taxCodeProblem } from "./codes.js";
import { type ErrorCode, InvalidInputError } from "../platform/errors.js";
import { say } from "../platform/i18n.js";
import { SHARED_MESSAGES } from "./messages.js";

/**
 * Where the scalars are specified: docs/scalars.md, relative to schema.graphql at the repository's root (the
 * repository has no published address yet; when it has, this becomes that address).
 */
export const SCALARS_SPECIFICATION = "docs/scalars.md";

/** The `@specifiedBy` URL of a scalar: its section of docs/scalars.md (the anchor is the name in lower case). */
export const specifiedBy = (name: string): string => `${SCALARS_SPECIFICATION}#${name.toLowerCase()}`;

function codeScalar(options: {
  name: string;
  description: string;
  code: ErrorCode;
  problem: (value: string) => string | null;
}): GraphQLScalarType<string, string> {
  const parse = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== "string") {
      throw new InvalidInputError(
        options.code,
        say(SHARED_MESSAGES.scalarNotString, { scalar: options.name, type: typeof value }),
        {},
        node,
      );
    }
    const problem = options.problem(value);
    if (problem)
      throw new InvalidInputError(options.code, say(SHARED_MESSAGES.scalarInvalid, { scalar: options.name, problem }), { value }, node);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    specifiedByURL: specifiedBy(options.name),
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) {
        throw new InvalidInputError(
          options.code,
          say(SHARED_MESSAGES.scalarNotStringLiteral, { scalar: options.name, kind: ast.kind.toLowerCase() }),
          {},
          ast,
        );
      }
      return parse(ast.value, ast);
    },
  });
}

export const PersonalIdScalar = codeScalar({
  name: "PersonalId",
  description:
    "Personal identification number (số định danh cá nhân): 12 digits — 3 for the province of birth registration, " +
    "1 for century of birth and sex, 2 for the year of birth, 6 random (Decree 137/2015/NĐ-CP, art. 7).",
  code: "INVALID_PERSONAL_ID",
  problem: (value) => {
    const parts = parsePersonalId(value);
    return "error" in parts ? parts.error : null;
  },
});

export const TaxCodeScalar = codeScalar({
  name: "TaxCode",
  description:
    "Enterprise code, which is also its tax code (mã số doanh nghiệp / mã số thuế): 10 digits, the last a check digit " +
    "(weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11)).",
  code: "INVALID_TAX_CODE",
  problem: taxCodeProblem,
});

export const AdministrativeUnitCodeScalar = codeScalar({
  name: "AdministrativeUnitCode",
  description:
    "Administrative unit code (mã đơn vị hành chính): 2 digits for a province, 5 digits for a commune " +
    "(Decision 19/2025/QĐ-TTg). Pre-2025 codes use the same shapes; see `legacyAdministrativeUnit`.",
  code: "INVALID_ADMINISTRATIVE_UNIT_CODE",
  problem: (value) =>
    ADMIN_UNIT_CODE_PATTERN.test(value) ? null : say(SHARED_MESSAGES.adminUnitCodeShape, { value: JSON.stringify(value) }),
});

/** A graphql-scalars scalar with its `@specifiedBy` pointing at docs/scalars.md (one instance each: use these). */
function specified<TInternal, TExternal>(scalar: GraphQLScalarType<TInternal, TExternal>): GraphQLScalarType<TInternal, TExternal> {
  return new GraphQLScalarType<TInternal, TExternal>({ ...scalar.toConfig(), specifiedByURL: specifiedBy(scalar.name) });
}

export const LocalDateScalar = specified(LocalDateResolver);
export const DateTimeScalar = specified(DateTimeResolver);
export const SafeIntScalar = specified(SafeIntResolver);
/** Output only: the self-contained audit proof a citizen saves as a file (AuditProof.document). */
export const JSONObjectScalar = specified(JSONObjectResolver);
