/** The national code scalars, on input as variables and as literals, with their typed error codes. */
import { type GraphQLScalarType, parseValue as parseLiteralText } from "graphql";
import { describe, expect, it } from "vitest";
import { GatewayError } from "../platform/errors.js";
import {
  AdministrativeUnitCodeScalar,
  DateTimeScalar,
  LocalDateScalar,
  PersonalIdScalar,
  SafeIntScalar,
  TaxCodeScalar,
  specifiedBy,
} from "./scalars.js";

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected the value to be refused");
}

const literal = (scalar: GraphQLScalarType, text: string) => scalar.parseLiteral(parseLiteralText(text), undefined);

const CASES = [
  {
    scalar: PersonalIdScalar,
    code: "INVALID_PERSONAL_ID",
    valid: ["001085012345", "079301000001"],
    invalid: ["00108501234", "0010850123456", "00108501234a", ""],
  },
  {
    scalar: TaxCodeScalar,
    code: "INVALID_TAX_CODE",
    valid: ["0100109106", "0300588569"],
    invalid: ["0100109107", "010010910", "000000000" + "0"],
  },
  {
    scalar: AdministrativeUnitCodeScalar,
    code: "INVALID_ADMINISTRATIVE_UNIT_CODE",
    valid: ["01", "00004"],
    invalid: ["1", "001", "0004", "ab"],
  },
] as const;

describe.each(CASES)("$scalar.name", ({ scalar, code, valid, invalid }) => {
  it("takes well-formed values as variables and as string literals", () => {
    for (const value of valid) {
      expect(scalar.parseValue(value)).toBe(value);
      expect(literal(scalar, JSON.stringify(value))).toBe(value);
    }
  });

  it("refuses malformed values with its own code, the value in the details", () => {
    for (const value of invalid) {
      const error = refusal(() => scalar.parseValue(value));
      expect(error.code).toBe(code);
      expect(error.extensions.value).toBe(value);
      expect(refusal(() => literal(scalar, JSON.stringify(value))).code).toBe(code);
    }
  });

  it("refuses a number: codes keep their leading zeros only as strings", () => {
    expect(refusal(() => scalar.parseValue(Number(valid[0]))).code).toBe(code);
    const error = refusal(() => literal(scalar, String(Number(valid[0]))));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/quoted string/);
    expect(error.nodes?.[0]?.kind).toBe("IntValue");
  });

  it("points at its section of docs/scalars.md", () => {
    expect(scalar.specifiedByURL).toBe(`docs/scalars.md#${scalar.name.toLowerCase()}`);
  });
});

describe("graphql-scalars' scalars", () => {
  it("carry @specifiedBy too, and still validate", () => {
    for (const scalar of [LocalDateScalar, DateTimeScalar, SafeIntScalar]) expect(scalar.specifiedByURL).toBe(specifiedBy(scalar.name));
    expect(() => LocalDateScalar.parseValue("2025-02-30")).toThrow();
    expect(LocalDateScalar.parseValue("2025-07-01")).toBe("2025-07-01");
    expect(() => SafeIntScalar.parseValue(2 ** 53)).toThrow();
  });
});
