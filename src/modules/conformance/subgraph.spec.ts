/** A provincial subgraph's composition errors as findings, with a composer written here (the real one is tested under test/). */
import { type DocumentNode, GraphQLError, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ConformanceInputError } from "./inputs.js";
import { Findings } from "./report.js";
import { checkSubgraph, type SubgraphComposer, subgraphNameOf } from "./subgraph.js";

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

type Citizen @key(fields: "personalId") {
  personalId: ID!
  fullName: Int
}
`;
const FILE = { name: "subgraphs/permits.graphql", content: SDL };

/** A composer that answers with the errors `errorsFor` makes of the document it is given. */
function composer(errorsFor: (typeDefs: DocumentNode) => GraphQLError[]): SubgraphComposer & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    nationalNames: ["population", "land", "business", "gateway"],
    async compose(name, typeDefs) {
      names.push(name);
      const errors = errorsFor(typeDefs);
      return errors.length === 0 ? { ok: true } : { ok: false, errors };
    },
  };
}

async function findingsOf(c: SubgraphComposer, given?: string) {
  const findings = new Findings();
  await checkSubgraph(FILE, given, c, findings);
  return findings.all().map(({ rule, file, line, column, path, message }) => ({ rule, file, line, column, path, message }));
}

function inputError(run: () => Promise<unknown>): Promise<string> {
  return run().then(
    () => "",
    (error: unknown) => {
      expect(error).toBeInstanceOf(ConformanceInputError);
      return (error as Error).message;
    },
  );
}

describe("checkSubgraph", () => {
  it("gives no finding when the subgraph composes, under the name its file gives", async () => {
    const c = composer(() => []);
    expect(await findingsOf(c)).toEqual([]);
    expect(c.names).toEqual(["permits"]);
    expect(subgraphNameOf("their.graphql")).toBe("their");
  });

  it("places an error by its node in the file, and says its code", async () => {
    const c = composer((typeDefs) => {
      const citizen = typeDefs.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION)!;
      return [new GraphQLError('On type "Citizen", for @key: nope', { nodes: citizen, extensions: { code: "KEY_INVALID_FIELDS" } })];
    });
    expect(await findingsOf(c)).toEqual([
      {
        rule: "SCHEMA_SUBGRAPH_COMPOSITION",
        file: "subgraphs/permits.graphql",
        line: 3,
        column: 1,
        path: "Citizen",
        message: 'On type "Citizen", for @key: nope (KEY_INVALID_FIELDS)',
      },
    ]);
  });

  it("places an error without nodes by the coordinate it names; a node of another source or a coordinate not in the file places nothing", async () => {
    const national = parse("type Citizen { fullName: String! }");
    const c = composer(() => [
      new GraphQLError('Type of field "Citizen.fullName" is incompatible across subgraphs', {
        extensions: { code: "FIELD_TYPE_MISMATCH" },
      }),
      new GraphQLError('Field "Enterprise.name" is wrong in subgraph "business"', { nodes: national.definitions[0] }),
    ]);
    expect(await findingsOf(c)).toEqual([
      {
        rule: "SCHEMA_SUBGRAPH_COMPOSITION",
        file: "subgraphs/permits.graphql",
        line: 5,
        column: 3,
        path: "Citizen.fullName",
        message: 'Type of field "Citizen.fullName" is incompatible across subgraphs (FIELD_TYPE_MISMATCH)',
      },
      {
        rule: "SCHEMA_SUBGRAPH_COMPOSITION",
        file: "subgraphs/permits.graphql",
        line: null,
        column: null,
        path: null,
        message: 'Field "Enterprise.name" is wrong in subgraph "business"',
      },
    ]);
  });

  it("refuses a national subgraph's name, a name that is none, malformed SDL, operations, and a check without a composer", async () => {
    const c = composer(() => []);
    expect(await inputError(() => findingsOf(c, "Population"))).toContain('"Population" is the name of the national population subgraph');
    expect(await inputError(() => findingsOf(c, "my permits"))).toContain('"my permits" cannot name a subgraph');
    const findings = new Findings();
    expect(
      await inputError(() => checkSubgraph({ name: "p.graphql", content: "type Citizen {\n  fullName: \n}" }, null, c, findings)),
    ).toMatch(/^p\.graphql:3:1: not a valid subgraph schema: /);
    expect(await inputError(() => checkSubgraph({ name: "p.graphql", content: "\nquery { citizen }" }, null, c, findings))).toMatch(
      /^p\.graphql:2:1: holds operations/,
    );
    expect(await inputError(() => checkSubgraph(FILE, null, undefined, findings))).toContain("cannot compose subgraphs");
    expect(c.names).toEqual([]);
  });
});
