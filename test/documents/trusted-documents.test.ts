/**
 * Trusted documents through the real HTTP endpoint: a published operation runs by its id (`documentId`, the
 * GraphQL-over-HTTP persisted documents form) exactly as its text would — same data, same access checks, purpose
 * and audit — parsed and validated once per process; ids that are malformed or unknown are typed 4xx errors; a
 * client set to trusted documents only cannot send text; a document bound to one client is not found for another.
 */
import fs from "node:fs";
import path from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ALL_CLIENT_ID, DEMO_CIVIL_STATUS_KEY, DEMO_PURPOSE } from "../../src/modules/access/demo.js";
import { documentsOf, type TrustedDocument } from "../../src/modules/documents/index.js";
import { clientHeaders, DEMO_HEADERS, requestIdsOf, startTestGateway, type TestGateway } from "../support/gateway.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures/operations");
const files = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".graphql"))
  .map((name) => ({ name, content: fs.readFileSync(path.join(FIXTURES, name), "utf8") }));
/** The fixtures' operations as sent as text: every file, fragments included, with the operation's name. */
const sourceText = files.map((f) => f.content).join("\n");

const TRUSTED_ID = "VN:GOV:SO-TP:MOTCUA";
const OTHER_ID = "VN:GOV:SO-TP:HOTICH";
const GRANTS = [{ sources: ["population" as const], classes: ["basic" as const, "sensitive" as const], procedures: ["1.001193"] }];

let gw: TestGateway;
let shared: Record<string, TrustedDocument>;
/** Published for the trusted-only client alone. */
let boundDocument: TrustedDocument;
let keys: { trusted: string; other: string };
let people: string[];

async function post(body: unknown, headers: Record<string, string> = DEMO_HEADERS) {
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: any[] },
    requestIds: requestIdsOf(response.headers),
  };
}

async function get(params: Record<string, string | string[]>, headers: Record<string, string> = DEMO_HEADERS) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  const response = await fetch(`${gw.url}/graphql?${search}`, { headers: { "content-type": "application/json", ...headers } });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const codeOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  gw = await startTestGateway({ citizens: 600 });
  const documents = documentsOf(files);
  await gw.app.documents.publish(documents, null);
  shared = Object.fromEntries(documents.map((d) => [d.operationName!, d]));
  const trusted = await gw.app.clients.register({
    id: TRUSTED_ID,
    name: "Một cửa (trusted documents only)",
    grants: GRANTS,
    trustedDocumentsOnly: true,
  });
  const other = await gw.app.clients.register({ id: OTHER_ID, name: "Hộ tịch", grants: GRANTS });
  keys = { trusted: trusted.key, other: other.key };
  [boundDocument] = documentsOf([
    {
      name: "bound.graphql",
      content: "query ProvinceForMotCua($code: AdministrativeUnitCode!) { administrativeUnit(code: $code) { name } }",
    },
  ]);
  await gw.app.documents.publish([boundDocument], TRUSTED_ID);
  people = (
    await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where date_of_death is null order by personal_id limit 2",
    )
  ).map((r) => r.personal_id);
});
afterAll(() => gw?.close());

describe("running a trusted document by id", () => {
  it("answers with the same data as the same operation sent as text, with its variables", async () => {
    const answers = [];
    for (const personalId of people) {
      const byId = await post({ documentId: shared.ApplicantName.id, variables: { personalId } });
      const byText = await post({ query: sourceText, operationName: "ApplicantName", variables: { personalId } });
      expect(byId.status, JSON.stringify(byId.body)).toBe(200);
      expect(byId.body).toEqual(byText.body);
      expect(byId.body.data.citizen).toMatchObject({
        personalId,
        fullName: expect.any(String),
        permanentResidence: { communeCode: expect.stringMatching(/^\d{5}$/) },
      });
      answers.push(byId.body.data.citizen.personalId);
    }
    // The variables reach the operation: two people, two answers.
    expect(answers).toEqual(people);

    const named = await post({ documentId: shared.ApplicantName.id, operationName: "ApplicantName", variables: { personalId: people[0] } });
    expect(named.body.data.citizen.personalId).toBe(people[0]);
    // Public reference data by id needs no key, as its text does not.
    const anonymous = await post({ documentId: shared.ProvinceName.id, variables: { code: "56" } }, {});
    expect(anonymous).toMatchObject({
      status: 200,
      body: { data: { administrativeUnit: { code: "56", name: expect.stringMatching(/Khánh Hòa/) } } },
    });
  });

  it("runs by id on a GET too (?documentId=…&variables=…)", async () => {
    const answer = await get({ documentId: shared.ProvinceName.id, variables: JSON.stringify({ code: "01" }) });
    expect(answer).toMatchObject({ status: 200, body: { data: { administrativeUnit: { code: "01" } } } });
  });

  it("reads a document from the database once, and Apollo parses and validates it once: its id is the hash Apollo keys it by", async () => {
    const [fresh] = documentsOf([
      {
        name: "fresh.graphql",
        content: "query FreshProvince($code: AdministrativeUnitCode!) { administrativeUnit(code: $code) { code } }",
      },
    ]);
    await gw.app.documents.publish([fresh], null);
    const seen = { parsed: 0, validated: 0, hashes: new Set<string>() };
    const probe: ApolloServerPlugin = {
      async requestDidStart() {
        return {
          async didResolveSource({ queryHash }) {
            seen.hashes.add(queryHash);
          },
          async parsingDidStart() {
            seen.parsed++;
          },
          async validationDidStart() {
            seen.validated++;
          },
        };
      },
    };
    // Apollo has no public way to add a plugin to a started server; its request pipeline reads this list per request.
    (gw.server.apollo as unknown as { internals: { plugins: ApolloServerPlugin[] } }).internals.plugins.push(probe);
    const reads = gw.app.documents.reads.count;
    for (const code of ["01", "56", "79", "01", "48"]) {
      const answer = await post({ documentId: fresh.id, variables: { code } });
      expect(answer.body.data?.administrativeUnit?.code, JSON.stringify(answer.body)).toBe(code);
    }
    expect(gw.app.documents.reads.count - reads).toBe(1);
    expect(seen).toEqual({ parsed: 1, validated: 1, hashes: new Set([fresh.id.slice("sha256:".length)]) });
  });
});

describe("document ids that cannot be run", () => {
  it("answers an unknown id with DOCUMENT_NOT_FOUND (404)", async () => {
    const unknown = `sha256:${"0".repeat(64)}`;
    const answer = await post({ documentId: unknown, variables: {} });
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([
      { message: expect.stringContaining(unknown), extensions: { code: "DOCUMENT_NOT_FOUND", documentId: unknown } },
    ]);
    expect((await get({ documentId: unknown })).status).toBe(404);
  });

  it.each([
    ["a bare hex digest", "a".repeat(64)],
    ["too short", "sha256:abc"],
    ["another algorithm", `md5:${"a".repeat(32)}`],
    ["upper-case hex", `sha256:${"A".repeat(64)}`],
    ["a number", 42],
    ["an object", { id: "x" }],
    ["an empty string", ""],
  ])("answers a malformed id (%s) with INVALID_DOCUMENT_ID (400)", async (_what, documentId) => {
    const answer = await post({ documentId });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe("INVALID_DOCUMENT_ID");
    expect(answer.body.errors![0].message).toMatch(/^documentId must be "sha256:" and 64 lower-case hex digits/);
  });

  it("refuses a request naming its operation twice: query and documentId, documentId and a persisted query, two ids", async () => {
    const both = await post({ query: "{ provinces { code } }", documentId: shared.ProvinceName.id });
    expect([both.status, codeOf(both)]).toEqual([400, "INVALID_DOCUMENT_ID"]);
    expect(both.body.errors![0].message).toMatch(/`query` \(the text\) or `documentId`/);
    const apq = await post({
      documentId: shared.ProvinceName.id,
      extensions: { persistedQuery: { version: 1, sha256Hash: shared.ProvinceName.id.slice(7) } },
      variables: { code: "01" },
    });
    expect([apq.status, codeOf(apq)]).toEqual([400, "INVALID_DOCUMENT_ID"]);
    const twice = await get({ documentId: [shared.ProvinceName.id, shared.ProvinceName.id] });
    expect([twice.status, codeOf(twice)]).toEqual([400, "INVALID_DOCUMENT_ID"]);
    const getBoth = await get({ documentId: shared.ProvinceName.id, query: "{ provinces { code } }" });
    expect([getBoth.status, codeOf(getBoth)]).toEqual([400, "INVALID_DOCUMENT_ID"]);
  });
});

describe("clients and trusted documents", () => {
  it("refuses query text from a client set to trusted documents only (TRUSTED_DOCUMENTS_ONLY, 403), and runs its documents", async () => {
    const headers = clientHeaders(keys.trusted, DEMO_PURPOSE);
    const refusals = [
      await post({ query: "{ provinces { code } }" }, headers),
      await post({ query: sourceText, operationName: "ApplicantName", variables: { personalId: people[0] } }, headers),
      await get({ query: "{ provinces { code } }" }, headers),
      // Apollo's automatic persisted queries are text registered by anyone: not a trusted document.
      await post(
        { extensions: { persistedQuery: { version: 1, sha256Hash: shared.ProvinceName.id.slice(7) } }, variables: { code: "01" } },
        headers,
      ),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(403);
      expect(refused.body.errors).toEqual([
        {
          message: expect.stringMatching(/^Client VN:GOV:SO-TP:MOTCUA runs trusted documents only: send \{"documentId"/),
          extensions: { code: "TRUSTED_DOCUMENTS_ONLY", clientId: TRUSTED_ID },
        },
      ]);
    }

    const own = await post({ documentId: boundDocument.id, variables: { code: "56" } }, headers);
    expect(own).toMatchObject({ status: 200, body: { data: { administrativeUnit: { name: expect.stringMatching(/Khánh Hòa/) } } } });
    const everyone = await post({ documentId: shared.ApplicantName.id, variables: { personalId: people[0] } }, headers);
    expect(everyone.body.data?.citizen?.personalId, JSON.stringify(everyone.body)).toBe(people[0]);

    // Switched off, the same client may send text again (the store forgets its cached clients on a change).
    await gw.app.clients.setTrustedDocumentsOnly(TRUSTED_ID, false);
    try {
      expect((await post({ query: "{ provinces { code } }" }, headers)).status).toBe(200);
    } finally {
      await gw.app.clients.setTrustedDocumentsOnly(TRUSTED_ID, true);
    }
    expect(codeOf(await post({ query: "{ provinces { code } }" }, headers))).toBe("TRUSTED_DOCUMENTS_ONLY");
  });

  it("does not find a document bound to one client for another client, nor for a caller without a key", async () => {
    const variables = { code: "56" };
    const forOther = await post({ documentId: boundDocument.id, variables }, clientHeaders(keys.other, null));
    const unknown = await post({ documentId: `sha256:${"1".repeat(64)}`, variables }, clientHeaders(keys.other, null));
    // The same answer as for an id nobody published: another client's documents are not revealed.
    expect([forOther.status, codeOf(forOther)]).toEqual([404, "DOCUMENT_NOT_FOUND"]);
    expect(forOther.body.errors![0].message.replace(boundDocument.id, "<id>")).toBe(
      unknown.body.errors![0].message.replace(/sha256:1{64}/, "<id>"),
    );
    const anonymous = await post({ documentId: boundDocument.id, variables }, {});
    expect([anonymous.status, codeOf(anonymous)]).toEqual([404, "DOCUMENT_NOT_FOUND"]);
    // The client it is bound to still runs it, after the others' misses.
    expect((await post({ documentId: boundDocument.id, variables }, clientHeaders(keys.trusted, null))).status).toBe(200);
  });
});

describe("access, purpose and audit by id", () => {
  it("refuses a field outside the client's grants and a missing purpose, as for the text", async () => {
    const variables = { personalId: people[0] };
    const religion = await post({ documentId: shared.ApplicantReligion.id, variables }, clientHeaders(DEMO_CIVIL_STATUS_KEY, DEMO_PURPOSE));
    expect(religion.status).toBe(403);
    expect(religion.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "FIELD_NOT_GRANTED", field: "Citizen.religion" }) }),
    ]);
    expect(religion.body.data).toBeUndefined();

    const noPurpose = await post({ documentId: shared.ApplicantName.id, variables }, clientHeaders(keys.other, null));
    expect([noPurpose.status, codeOf(noPurpose)]).toEqual([400, "PURPOSE_REQUIRED"]);
    const wrongPurpose = await post(
      { documentId: shared.ApplicantName.id, variables },
      clientHeaders(keys.other, { procedure: "1.000894", caseId: "HS-1" }),
    );
    expect([wrongPurpose.status, codeOf(wrongPurpose)]).toEqual([403, "PURPOSE_NOT_GRANTED"]);
  });

  it("records the read in the audit trail under the request's id; a refused request records nothing", async () => {
    const trail = (requestId: string) =>
      gw.app.sources.gateway.raw<{
        client_id: string;
        procedure_code: string;
        case_id: string;
        subject_kind: string;
        subject_id: string;
        fields: string[];
      }>(
        "select client_id, procedure_code, case_id, subject_kind, subject_id, fields from gateway.audit_subjects where request_id = $1 order by seq, subject_index",
        [requestId],
      );
    const read = await post({ documentId: shared.ApplicantName.id, variables: { personalId: people[1] } });
    expect(read.status).toBe(200);
    expect(read.requestIds).toHaveLength(1);
    expect(await trail(read.requestIds[0])).toEqual([
      {
        client_id: DEMO_ALL_CLIENT_ID,
        procedure_code: DEMO_PURPOSE.procedure,
        case_id: DEMO_PURPOSE.caseId,
        subject_kind: "CITIZEN",
        subject_id: people[1],
        fields: expect.arrayContaining(["Citizen.fullName", "Citizen.personalId", "Citizen.permanentResidence"]),
      },
    ]);

    const refused = await post(
      { documentId: shared.ApplicantReligion.id, variables: { personalId: people[1] } },
      clientHeaders(DEMO_CIVIL_STATUS_KEY, DEMO_PURPOSE),
    );
    expect(refused.status).toBe(403);
    expect(await trail(refused.requestIds[0])).toEqual([]);
  });
});
