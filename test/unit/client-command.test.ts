/** The `npm run clients` command line, checked whole before the database is opened (scripts/lib/client-command.ts). */
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../src/platform/errors.js";
import { describeFailure, parseClientCommand, UsageError } from "../../scripts/lib/client-command.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const CATALOGUE = new Set(["1.001193", "1.000894"]);
const parse = (args: string[]) => parseClientCommand(args, CATALOGUE, NOW);
const system = ["add", "VN:GOV:SO-TP:HOTICH", "--name", "Hộ tịch"];

describe("the clients command line", () => {
  it.each<[string[], RegExp]>([
    [[...system, "--rate-limit", "abc"], /^--rate-limit "abc" must be a whole number of requests a minute from 1 to 2147483647/],
    [[...system, "--rate-limit=-5"], /^--rate-limit "-5" must be a whole number/],
    [[...system, "--rate-limit", "-5"], /^--rate-limit needs a value; one starting with "-" is written --rate-limit=<value>/],
    [[...system, "--rate-limit", "0"], /^--rate-limit "0"/],
    [[...system, "--rate-limit", "1.5"], /^--rate-limit "1.5"/],
    [[...system, "--rate-limit", "1e3"], /^--rate-limit "1e3"/],
    [[...system, "--rate-limit", "2147483648"], /^--rate-limit "2147483648"/],
    [[...system, "--rate-limit", ""], /^--rate-limit ""/],
    [[...system, "--expires", "tomorrow"], /^--expires "tomorrow" is not a date/],
    [[...system, "--expires", "2030-02-30"], /^--expires "2030-02-30" is not a date/],
    [[...system, "--expires", "2030-13-01"], /^--expires "2030-13-01" is not a date/],
    [[...system, "--expires", "2030-06-01T25:00:00Z"], /^--expires "2030-06-01T25:00:00Z" is not a date/],
    [[...system, "--expires", "2030-06-01T10:00:00"], /^--expires "2030-06-01T10:00:00" is not a date/], // no offset: whose 10:00?
    [[...system, "--expires", "2020-01-01"], /^--expires 2020-01-01 is not in the future \(now 2026-06-01T00:00:00.000Z\)/],
    [[...system, "--expires", "2026-06-01"], /is not in the future/], // 00:00 UTC today is now, not after it
    [[...system, "--grant", "population/basic"], /must be <sources>\/<classes>\/<procedures>/],
    [[...system, "--grant", "population,tax/basic/*"], /^--grant "population,tax\/basic\/\*": Unknown source "tax"/],
    [[...system, "--grant", "/basic/*"], /names at least one source/],
    [[...system, "--grant", "population/secret/*"], /Unknown field class "secret"/],
    [[...system, "--grant", "population//*"], /names at least one field class/],
    [[...system, "--grant", "population/basic/"], /names at least one procedure code/],
    [[...system, "--grant", "population/basic/1.00119"], /"1.00119" is not a procedure code/],
    [[...system, "--grant", "population/basic/1.001193,9.999999"], /procedure 9.999999 is not in the procedure catalogue/],
    [["add", "VN:GOV:BAD", "--name", "x"], /^"VN:GOV:BAD" is not a client id/],
    [["add", "VN:GOV:SO TP:HOTICH", "--name", "x"], /is not a client id/],
    [["add", "VN:GOV:SO-TP:HOTICH"], /^add needs --name/],
    [["add", "VN:GOV:SO-TP:HOTICH", "--name", "  "], /^add needs --name/],
    [["add", "VN:GOV:SO-TP:HOTICH", "--name", "x".repeat(201)], /longer than 200/],
    [["add", "VN:GOV:SO-TP:HOTICH", "--name"], /^--name needs a value$/],
    [["add", "--name", "x"], /^add needs a client id/],
    [["add", "VN:CIT:001090000001", "--name", "x"], /VN:CIT:001090000001 is a citizen's id: add --citizen 001090000001/],
    [["add", "VN:CIT:001090000001", "--name", "x", "--citizen", "001090000002"], /a citizen client's id is VN:CIT:001090000002/],
    [["add", "VN:GOV:SO-TP:HOTICH", "--name", "x", "--citizen", "001090000002"], /a citizen client's id is VN:CIT:001090000002/],
    [["add", "VN:CIT:00109", "--name", "x", "--citizen", "00109"], /--citizen "00109" is not a 12-digit personal id/],
    [["grant", "VN:GOV:SO-TP:HOTICH"], /^grant needs --grant/],
    [["grant", "--grant", "land/basic/*"], /^grant needs a client id/],
    [["grant", "VN:GOV:SO-TP:HOTICH", "--name", "x", "--grant", "land/basic/*"], /^--name is not an option of grant/],
    [["revoke"], /^revoke needs a client id/],
    [["rotate-key", "nobody"], /^"nobody" is not a client id/],
    [["revoke", "VN:GOV:SO-TP:HOTICH", "VN:GOV:SO-TP:OTHER"], /^unexpected argument "VN:GOV:SO-TP:OTHER" after revoke <id>/],
    [["list", "--name", "x"], /^--name is not an option of list/],
    [["list", "extra"], /^unexpected argument "extra" after list/],
    [["remove-demo", "--grant", "land/basic/*"], /^--grant is not an option of remove-demo/],
    [[...system, "--colour", "red"], /^unknown option --colour$/],
    [["update", "VN:GOV:SO-TP:HOTICH"], /^update needs exactly one of --trusted-documents-only and --no-trusted-documents-only/],
    [["update", "VN:GOV:SO-TP:HOTICH", "--name", "x"], /^--name is not an option of update/],
    [["grant", "VN:GOV:SO-TP:HOTICH", "--trusted-documents-only"], /^--trusted-documents-only is not an option of grant/],
    [["frobnicate"], /^unknown command "frobnicate"; commands: list, add, update, grant, roles, revoke, rotate-key, remove-demo/],
    [[], /^no command given/],
  ])("refuses %j", (args, message) => {
    let thrown: unknown;
    try {
      parse(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("reads a system client with every option", () => {
    expect(
      parse([
        ...system,
        "--rate-limit",
        "30",
        "--expires",
        "2027-01-31",
        "--grant",
        "population,land/basic/1.001193",
        "--grant",
        "business/basic,sensitive/*",
        "--trusted-documents-only",
      ]),
    ).toEqual({
      command: "add",
      client: {
        id: "VN:GOV:SO-TP:HOTICH",
        name: "Hộ tịch",
        kind: "SYSTEM",
        personalId: null,
        rateLimitPerMinute: 30,
        expiresAt: new Date("2027-01-31T00:00:00Z"),
        grants: [
          { sources: ["population", "land"], classes: ["basic"], procedures: ["1.001193"] },
          { sources: ["business"], classes: ["basic", "sensitive"], procedures: ["*"] },
        ],
        trustedDocumentsOnly: true,
        roles: [],
      },
    });
  });

  it("reads an expiry with a time and its offset, and a citizen client", () => {
    const add = parse([
      "add",
      "VN:CIT:001090000001",
      "--name",
      "Nguyễn Văn A",
      "--citizen",
      "001090000001",
      "--expires",
      "2026-06-01T07:00:01+07:00",
    ]);
    expect(add).toMatchObject({
      command: "add",
      client: {
        kind: "CITIZEN",
        personalId: "001090000001",
        expiresAt: new Date("2026-06-01T00:00:01Z"),
        rateLimitPerMinute: null,
        grants: [],
      },
    });
  });

  it("reads the other commands", () => {
    expect(parse(["list"])).toEqual({ command: "list" });
    expect(parse(["remove-demo"])).toEqual({ command: "remove-demo" });
    expect(parse(["revoke", "VN:CIT:001090000001"])).toEqual({ command: "revoke", id: "VN:CIT:001090000001" });
    expect(parse(["rotate-key", "VN:GOV:SO-TP:HOTICH"])).toEqual({ command: "rotate-key", id: "VN:GOV:SO-TP:HOTICH" });
    expect(parse(["grant", "VN:GOV:SO-TP:HOTICH", "--grant", "land/basic/1.000894"])).toEqual({
      command: "grant",
      id: "VN:GOV:SO-TP:HOTICH",
      grants: [{ sources: ["land"], classes: ["basic"], procedures: ["1.000894"] }],
    });
    expect(parse(["update", "VN:GOV:SO-TP:HOTICH", "--trusted-documents-only"])).toEqual({
      command: "update",
      id: "VN:GOV:SO-TP:HOTICH",
      trustedDocumentsOnly: true,
    });
    expect(parse(["update", "VN:GOV:SO-TP:HOTICH", "--no-trusted-documents-only"])).toEqual({
      command: "update",
      id: "VN:GOV:SO-TP:HOTICH",
      trustedDocumentsOnly: false,
    });
    expect(parse(["--help"])).toEqual({ command: "help" });
    expect(parse(["add", "-h"])).toEqual({ command: "help" });
  });

  it("reads an organisation client by its tax code, and roles for agency systems only", () => {
    const bank = parse(["add", "VN:ORG:0100100015:ebanking", "--name", "Ngân hàng A", "--grant", "population/basic/*"]);
    expect(bank).toMatchObject({ command: "add", client: { id: "VN:ORG:0100100015:ebanking", kind: "ORGANIZATION", roles: [] } });
    expect(() => parse(["add", "VN:ORG:0100100016:ebanking", "--name", "x"])).toThrow(/wrong check digit: expected 5, found 6/);
    expect(() => parse(["add", "VN:ORG:123:x", "--name", "x"])).toThrow(/not an organisation client id/);
    expect(parse([...system, "--role", "owner:land", "--role", "oversight"])).toMatchObject({
      client: { kind: "SYSTEM", roles: ["owner:land", "oversight"] },
    });
    expect(() => parse([...system, "--role", "owner:tax"])).toThrow(
      /^--role: Unknown role "owner:tax"; roles are owner:population, owner:land, owner:business, oversight/,
    );
    expect(() => parse(["add", "VN:ORG:0100100015:ebanking", "--name", "x", "--role", "oversight"])).toThrow(/Only an agency system/);
    expect(parse(["roles", "VN:GOV:SO-TP:HOTICH", "--role", "owner:population"])).toEqual({
      command: "roles",
      id: "VN:GOV:SO-TP:HOTICH",
      roles: ["owner:population"],
    });
    expect(parse(["roles", "VN:GOV:SO-TP:HOTICH"])).toEqual({ command: "roles", id: "VN:GOV:SO-TP:HOTICH", roles: [] });
    expect(() => parse(["roles", "VN:CIT:001090000001", "--role", "oversight"])).toThrow(/only an agency system/);
  });
});

describe("a failure after the command was accepted", () => {
  it("is the database's first line, never the statement or its parameters", () => {
    const failed = Object.assign(
      new Error(
        'Failed query: insert into "gateway"."clients" values ($1, $2)\nparams: VN:GOV:X:Y,9b62376566032245ba542c69062e5f9a7a9dc77b7fd86e922c49201883b8df55',
      ),
      {
        cause: new Error('duplicate key value violates unique constraint "clients_pkey"\nDETAIL: Key (id)=(VN:GOV:X:Y) already exists.'),
      },
    );
    expect(describeFailure(failed)).toEqual({
      message: 'the gateway database refused the statement: duplicate key value violates unique constraint "clients_pkey"',
      usage: false,
    });
    expect(describeFailure(Object.assign(new Error("Failed query: select 1\nparams: "), {}))).toEqual({
      message: "the gateway database refused the statement",
      usage: false,
    });
  });

  it("is a typed error's message; a wrong id or an existing client is the caller's mistake (exit 2)", () => {
    expect(describeFailure(new GatewayError("INVALID_ARGUMENT", "No client VN:GOV:A:B is registered."))).toEqual({
      message: "No client VN:GOV:A:B is registered.",
      usage: true,
    });
  });
});
