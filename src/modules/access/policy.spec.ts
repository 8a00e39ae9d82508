/**
 * The access decision on hand-built clients, grants, purposes and subjects: what the HTTP suites exercise on a
 * seeded database (test/access/), here one rule at a time.
 */
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode, GatewayError } from "../../platform/errors.js";
import type { AccessUse } from "./analyze.js";
import { ANY_PROCEDURE, type Client, type Grant } from "./clients.js";
import type { FieldAccess } from "./directive.js";
import {
  CITIZEN_ROOT_FIELDS,
  REFUSAL_STATUS,
  checkAccess,
  checkAccessLogRead,
  checkNodeAccess,
  checkProcedureUse,
  citizenMayRead,
  describeGrants,
  refusalHeaders,
} from "./policy.js";
import type { Purpose } from "./request.js";
import { agencyClient } from "../../../test/support/clients.js";

const BIRTH = "1.001193";
const MARRIAGE = "1.000894";
const ME = "001085012345";
const SOMEONE_ELSE = "079301000001";

const system = agencyClient;

function citizenClient(personalId = ME): Client {
  return { ...system(), id: `VN:CIT:${personalId}`, name: "A citizen", kind: "CITIZEN", personalId };
}

const grant = (sources: Grant["sources"], classes: Grant["classes"], procedures: string[]): Grant => ({ sources, classes, procedures });
const purpose = (procedure: string, caseId = "HS-2025-0001"): Purpose => ({ procedure, caseId });

function use(coordinate: string, access: FieldAccess, root = false, line = 1): AccessUse {
  return { coordinate, access, root, locations: [{ line, column: 3 }] };
}

const CITIZEN_ROOT = use("Query.citizen", { source: "population", class: "basic" }, true, 1);
const FULL_NAME = use("Citizen.fullName", { source: "population", class: "basic" }, false, 2);
const RELIGION = use("Citizen.religion", { source: "population", class: "sensitive" }, false, 3);
const PARCEL = use("Query.landParcel", { source: "land", class: "basic" }, true, 4);

/** The error a throwing check threw, so its code and details can be read. */
function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected the check to refuse");
}

const codes = (refusal: ReturnType<typeof checkAccess>) => refusal?.errors.map((e) => e.extensions?.code);

describe("checkAccess", () => {
  it("lets an operation that reads no personal data through, whoever asks", () => {
    expect(checkAccess([], null, null)).toBeNull();
    expect(checkAccess([], citizenClient(), null)).toBeNull();
    expect(checkAccess([], system(), null)).toBeNull();
  });

  it("refuses personal data without a client as UNAUTHENTICATED (401), naming the fields and where they are", () => {
    const refusal = checkAccess([CITIZEN_ROOT, FULL_NAME], null, purpose(BIRTH));
    expect(refusal?.status).toBe(401);
    expect(codes(refusal)).toEqual(["UNAUTHENTICATED"]);
    expect(refusal!.errors[0].extensions?.fields).toEqual(["Query.citizen", "Citizen.fullName"]);
    expect(refusal!.errors[0].locations).toEqual([
      { line: 1, column: 3 },
      { line: 2, column: 3 },
    ]);
  });

  it("names at most three fields in the message of a refusal without a client, all of them in its details", () => {
    const many = ["A.a", "A.b", "A.c", "A.d"].map((c) => use(c, { source: "population", class: "basic" }));
    const [error] = checkAccess(many, null, null)!.errors;
    expect(error.message).toContain("A.a, A.b, A.c, …");
    expect(error.message).not.toContain("A.d");
    expect(error.extensions?.fields).toEqual(["A.a", "A.b", "A.c", "A.d"]);
  });

  it("lets a citizen client start from its open root fields, with no purpose asked", () => {
    for (const root of CITIZEN_ROOT_FIELDS) {
      expect(
        checkAccess([use(root, { source: "population", class: "basic" }, true), FULL_NAME, RELIGION], citizenClient(), null),
      ).toBeNull();
    }
  });

  it("refuses a citizen client every other root field as SUBJECT_NOT_PERMITTED (403), naming only those", () => {
    const refusal = checkAccess([CITIZEN_ROOT, FULL_NAME, PARCEL], citizenClient(), null);
    expect(refusal?.status).toBe(403);
    expect(codes(refusal)).toEqual(["SUBJECT_NOT_PERMITTED"]);
    expect(refusal!.errors[0].extensions?.fields).toEqual(["Query.landParcel"]);
    expect(refusal!.errors[0].locations).toEqual([{ line: 4, column: 3 }]);
    expect(refusal!.errors[0].message).toContain(ME);
  });

  it("asks an agency system for a purpose before anything else (PURPOSE_REQUIRED, 400)", () => {
    const refusal = checkAccess([CITIZEN_ROOT], system(grant(["population"], ["basic"], [ANY_PROCEDURE])), null);
    expect(refusal?.status).toBe(400);
    expect(codes(refusal)).toEqual(["PURPOSE_REQUIRED"]);
  });

  it("refuses a purpose that no grant of the client names (PURPOSE_NOT_GRANTED, 403)", () => {
    const client = system(grant(["population"], ["basic", "sensitive"], [MARRIAGE]));
    const refusal = checkAccess([CITIZEN_ROOT], client, purpose(BIRTH));
    expect(refusal?.status).toBe(403);
    expect(codes(refusal)).toEqual(["PURPOSE_NOT_GRANTED"]);
    expect(refusal!.errors[0].extensions?.procedure).toBe(BIRTH);
    expect(refusal!.errors[0].message).toContain(MARRIAGE);
  });

  it("takes a grant for any procedure as serving the declared one", () => {
    expect(checkAccess([CITIZEN_ROOT, FULL_NAME], system(grant(["population"], ["basic"], [ANY_PROCEDURE])), purpose(BIRTH))).toBeNull();
  });

  it("refuses each field whose source and class no grant covers under the purpose, one error per field", () => {
    const client = system(grant(["population"], ["basic"], [BIRTH]));
    const refusal = checkAccess([CITIZEN_ROOT, FULL_NAME, RELIGION, PARCEL], client, purpose(BIRTH));
    expect(refusal?.status).toBe(403);
    expect(refusal!.errors.map((e) => e.extensions)).toEqual([
      {
        code: "FIELD_NOT_GRANTED",
        field: "Citizen.religion",
        missingGrant: { source: "population", class: "sensitive", procedure: BIRTH },
      },
      { code: "FIELD_NOT_GRANTED", field: "Query.landParcel", missingGrant: { source: "land", class: "basic", procedure: BIRTH } },
    ]);
    expect(refusal!.errors.map((e) => e.locations)).toEqual([RELIGION.locations, PARCEL.locations]);
  });

  it("needs one grant to cover source, class and procedure together: two grants do not add up", () => {
    // Sensitive population data under another procedure, and basic under this one, is no sensitive grant here.
    const client = system(grant(["population"], ["basic"], [BIRTH]), grant(["population"], ["sensitive"], [MARRIAGE]));
    expect(codes(checkAccess([RELIGION], client, purpose(BIRTH)))).toEqual(["FIELD_NOT_GRANTED"]);
    expect(checkAccess([RELIGION], client, purpose(MARRIAGE))).toBeNull();
    // Population under one grant and land under another, both for this procedure, do cover both.
    const both = system(grant(["population"], ["basic"], [BIRTH]), grant(["land"], ["basic"], [BIRTH]));
    expect(checkAccess([FULL_NAME, PARCEL], both, purpose(BIRTH))).toBeNull();
  });

  it("lets a grant on another source serve the procedure, then refuses the fields it does not cover", () => {
    const refusal = checkAccess([FULL_NAME], system(grant(["land"], ["basic"], [BIRTH])), purpose(BIRTH));
    expect(codes(refusal)).toEqual(["FIELD_NOT_GRANTED"]);
  });
});

describe("citizenMayRead", () => {
  it("holds only a citizen client, and only about other people", () => {
    expect(citizenMayRead(null, { kind: "CITIZEN", id: SOMEONE_ELSE })).toBe(true);
    expect(citizenMayRead(system(), { kind: "CITIZEN", id: SOMEONE_ELSE })).toBe(true);
    expect(citizenMayRead(citizenClient(), { kind: "CITIZEN", id: ME })).toBe(true);
    expect(citizenMayRead(citizenClient(), { kind: "CITIZEN", id: SOMEONE_ELSE })).toBe(false);
  });

  it("leaves records that are not a person's to the person they were reached through", () => {
    expect(citizenMayRead(citizenClient(), { kind: "LAND_PARCEL", id: "00004-12-345" })).toBe(true);
    expect(citizenMayRead(citizenClient(), { kind: "ENTERPRISE", id: "0100109106" })).toBe(true);
  });
});

describe("checkProcedureUse", () => {
  const agency = system(grant(["population"], ["basic"], [BIRTH]));

  it("refuses a dossier action without a client", () => {
    expect(thrown(() => checkProcedureUse(null, purpose(BIRTH), BIRTH, [])).code).toBe("UNAUTHENTICATED");
  });

  it("refuses a purpose declared for another procedure, to an agency and to a citizen alike", () => {
    for (const client of [agency, citizenClient()]) {
      const error = thrown(() => checkProcedureUse(client, purpose(MARRIAGE), BIRTH, ["population"]));
      expect(error.code).toBe("PURPOSE_MISMATCH");
      expect(error.extensions).toMatchObject({ procedure: BIRTH, declared: MARRIAGE });
    }
  });

  it("lets a citizen act as the applicant without a purpose, and as no one else", () => {
    expect(() => checkProcedureUse(citizenClient(), null, BIRTH, ["population", "land"])).not.toThrow();
    expect(() => checkProcedureUse(citizenClient(), null, BIRTH, ["population"], { kind: "CITIZEN", id: ME })).not.toThrow();
    expect(() => checkProcedureUse(citizenClient(), purpose(BIRTH), BIRTH, ["population"], { kind: "CITIZEN", id: ME })).not.toThrow();
    expect(thrown(() => checkProcedureUse(citizenClient(), null, BIRTH, [], { kind: "CITIZEN", id: SOMEONE_ELSE })).code).toBe(
      "SUBJECT_NOT_PERMITTED",
    );
    // An enterprise code that happens to be read as the citizen's id is still not the citizen.
    expect(thrown(() => checkProcedureUse(citizenClient(), null, BIRTH, [], { kind: "ENTERPRISE", id: ME })).code).toBe(
      "SUBJECT_NOT_PERMITTED",
    );
  });

  it("asks an agency for the procedure as its purpose", () => {
    const error = thrown(() => checkProcedureUse(agency, null, BIRTH, ["population"]));
    expect(error.code).toBe("PURPOSE_REQUIRED");
    expect(error.extensions.procedure).toBe(BIRTH);
  });

  it("refuses an agency no grant of which names the procedure, even for a procedure that reads no source", () => {
    const error = thrown(() => checkProcedureUse(agency, purpose(MARRIAGE), MARRIAGE, []));
    expect(error.code).toBe("PURPOSE_NOT_GRANTED");
    expect(error.extensions.procedure).toBe(MARRIAGE);
  });

  it("wants a basic grant under the procedure on every source the procedure reads", () => {
    expect(() => checkProcedureUse(agency, purpose(BIRTH), BIRTH, ["population"])).not.toThrow();
    const error = thrown(() => checkProcedureUse(agency, purpose(BIRTH), BIRTH, ["population", "land"]));
    expect(error.code).toBe("FIELD_NOT_GRANTED");
    expect(error.extensions.missingGrant).toEqual({ source: "land", class: "basic", procedure: BIRTH });
  });

  it("does not take a sensitive-only grant for the basic one a dossier needs", () => {
    const sensitiveOnly = system(grant(["population"], ["sensitive"], [BIRTH]));
    expect(thrown(() => checkProcedureUse(sensitiveOnly, purpose(BIRTH), BIRTH, ["population"])).code).toBe("FIELD_NOT_GRANTED");
  });

  it("takes a grant for any procedure", () => {
    const any = system(grant(["population", "land"], ["basic"], [ANY_PROCEDURE]));
    expect(() => checkProcedureUse(any, purpose(MARRIAGE), MARRIAGE, ["population", "land"])).not.toThrow();
  });
});

describe("checkNodeAccess", () => {
  const population: FieldAccess = { source: "population", class: "basic" };

  it("lets a citizen fetch by id only through a lookup open to citizen clients", () => {
    expect(checkNodeAccess("Query.citizen", population, citizenClient(), null)).toBeNull();
    const refusal = checkNodeAccess("Query.node", { source: "land", class: "basic" }, citizenClient(), null);
    expect(refusal?.status).toBe(403);
    expect(codes(refusal)).toEqual(["SUBJECT_NOT_PERMITTED"]);
    expect(refusal!.errors[0].extensions?.fields).toEqual(["Query.node"]);
  });

  it("asks of an agency what the direct lookup would", () => {
    expect(codes(checkNodeAccess("Query.citizen", population, system(grant(["population"], ["basic"], [BIRTH])), null))).toEqual([
      "PURPOSE_REQUIRED",
    ]);
    expect(codes(checkNodeAccess("Query.citizen", population, null, null))).toEqual(["UNAUTHENTICATED"]);
    expect(checkNodeAccess("Query.citizen", population, system(grant(["population"], ["basic"], [BIRTH])), purpose(BIRTH))).toBeNull();
  });
});

describe("checkAccessLogRead", () => {
  it("opens the log to the citizen it is about, by default their own", () => {
    expect(checkAccessLogRead(citizenClient(), undefined)).toBe(ME);
    expect(checkAccessLogRead(citizenClient(), ME)).toBe(ME);
  });

  it("refuses anyone else", () => {
    expect(thrown(() => checkAccessLogRead(null, ME)).code).toBe("UNAUTHENTICATED");
    expect(thrown(() => checkAccessLogRead(system(grant(["population"], ["basic", "sensitive"], [ANY_PROCEDURE])), ME)).code).toBe(
      "SUBJECT_NOT_PERMITTED",
    );
    expect(thrown(() => checkAccessLogRead(citizenClient(), SOMEONE_ELSE)).code).toBe("SUBJECT_NOT_PERMITTED");
  });
});

describe("refusal statuses and headers", () => {
  it("maps refusals by HTTP meaning: credentials 401, authorization 403, rate 429, the gateway's own failures 503", () => {
    const byMeaning: Record<number, ErrorCode[]> = {
      401: ["UNAUTHENTICATED", "INVALID_CREDENTIAL", "CREDENTIAL_REVOKED", "CREDENTIAL_EXPIRED"],
      403: ["PURPOSE_NOT_GRANTED", "PURPOSE_MISMATCH", "FIELD_NOT_GRANTED", "SUBJECT_NOT_PERMITTED", "TRUSTED_DOCUMENTS_ONLY"],
      429: ["RATE_LIMITED"],
      503: ["SOURCE_UNAVAILABLE", "AUDIT_UNAVAILABLE"],
    };
    for (const [status, list] of Object.entries(byMeaning))
      for (const code of list) expect([code, REFUSAL_STATUS[code]]).toEqual([code, Number(status)]);
  });

  it("lists only codes of the schema's ErrorCode enum", () => {
    for (const code of Object.keys(REFUSAL_STATUS)) expect(ERROR_CODES).toHaveProperty(code);
  });

  it("answers checkAccess refusals with the status of their code", () => {
    const cases: [ReturnType<typeof checkAccess>, ErrorCode][] = [
      [checkAccess([FULL_NAME], null, null), "UNAUTHENTICATED"],
      [checkAccess([PARCEL], citizenClient(), null), "SUBJECT_NOT_PERMITTED"],
      [checkAccess([FULL_NAME], system(), null), "PURPOSE_REQUIRED"],
      [checkAccess([FULL_NAME], system(), purpose(BIRTH)), "PURPOSE_NOT_GRANTED"],
      [checkAccess([RELIGION], system(grant(["population"], ["basic"], [BIRTH])), purpose(BIRTH)), "FIELD_NOT_GRANTED"],
    ];
    for (const [refusal, code] of cases) expect([codes(refusal), refusal?.status]).toEqual([[code], REFUSAL_STATUS[code]]);
  });

  it("challenges for a bearer token on a 401, saying invalid_token when a token was sent", () => {
    expect(refusalHeaders(401, "UNAUTHENTICATED")["www-authenticate"]).toBe('Bearer realm="ndaf-gateway"');
    for (const code of ["INVALID_CREDENTIAL", "CREDENTIAL_REVOKED", "CREDENTIAL_EXPIRED"] as const) {
      expect(refusalHeaders(401, code)["www-authenticate"]).toMatch(/^Bearer realm="ndaf-gateway", error="invalid_token"$/);
    }
    expect(refusalHeaders(403, "FIELD_NOT_GRANTED")).toEqual({});
  });

  it("says when to retry a rate-limited request, when it knows", () => {
    expect(refusalHeaders(429, "RATE_LIMITED", { retryAfterSeconds: 17 })).toEqual({ "retry-after": "17" });
    expect(refusalHeaders(429, "RATE_LIMITED")).toEqual({});
  });
});

describe("describeGrants", () => {
  it("says what a client holds, for the message of a refusal", () => {
    expect(describeGrants(system())).toBe("it holds no grants");
    const text = describeGrants(
      system(grant(["population", "land"], ["basic"], [BIRTH, MARRIAGE]), grant(["business"], ["basic", "sensitive"], [ANY_PROCEDURE])),
    );
    expect(text).toContain(`population+land basic for ${BIRTH}, ${MARRIAGE}`);
    expect(text).toContain("business basic+sensitive for any procedure");
  });
});
