import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareSchemas, latestRelease, listedCoordinates, unreleasedBreaking } from "../../scripts/lib/schema-changes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const RELEASED = `
type Query { citizen(personalId: String!): Citizen }
type Citizen { personalId: String! fullName: String! kind: String! children: [Citizen!]! }
enum Sex { MALE FEMALE }
`;

const changelog = (breaking: string, other = "") => `# Changelog

## [Unreleased]

### Breaking

${breaking}

### Added

${other}

## [0.1.0]

### Breaking

- \`Citizen.nickname\` was removed long ago.
`;

describe("schema:breaking", () => {
  it("reads the Breaking list of the Unreleased section only", () => {
    const text = changelog("- `Citizen.kind`: an enum now.", "- `Citizen.fullName` is described better.");
    const breaking = unreleasedBreaking(text)!;
    expect([...listedCoordinates(breaking)]).toEqual(["Citizen.kind"]);
    expect(unreleasedBreaking("# Changelog\n\n## [0.1.0]\n")).toBeNull();
    expect(unreleasedBreaking("## [Unreleased]\n\n### Added\n\n- `X.y`\n")).toBe("");
  });

  it("names arguments as Type.field(argument:) or as inspector's path", () => {
    expect([
      ...listedCoordinates("`Query.citizen(personalId:)`, `Query.citizen.personalId`, `ApplicantInput.@oneOf`, `not a coordinate`"),
    ]).toEqual(["Query.citizen.personalId", "ApplicantInput.@oneOf"]);
  });

  it("fails only on breaking changes the changelog does not name; dangerous and safe ones are reported", async () => {
    const current = `
type Query { citizen(personalId: Int!): Citizen }
type Citizen { personalId: String! fullName: String! kind: ClientKind! children: [Citizen]! nickname: String @deprecated(reason: "Use fullName.") }
enum ClientKind { SYSTEM CITIZEN }
enum Sex { MALE FEMALE OTHER }
`;
    const unlisted = await compareSchemas(RELEASED, current, unreleasedBreaking(changelog("- `Citizen.kind`: an enum now."))!);
    expect(unlisted.breaking.map((c) => [c.path, c.listed]).sort()).toEqual([
      ["Citizen.children", false],
      ["Citizen.kind", true],
      ["Query.citizen.personalId", false],
    ]);
    expect(unlisted.dangerous.map((c) => c.path)).toEqual(["Sex.OTHER"]);
    // A new field, even a deprecated one, breaks nobody.
    expect(unlisted.safe.map((c) => c.path)).toContain("Citizen.nickname");

    const listed = await compareSchemas(
      RELEASED,
      current,
      "- `Citizen.kind`, `Citizen.children`, `Query.citizen(personalId:)`: see above. `Citizen.fullName` keeps its type but changes its value.",
    );
    expect(listed.breaking.every((c) => c.listed)).toBe(true);
    // A value change the SDL cannot show is reported as listed, not detected.
    expect(listed.notDetected).toEqual(["Citizen.fullName"]);
  });

  it("compares against the highest release", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "releases-"));
    try {
      for (const name of ["0.9.0.graphql", "0.10.0.graphql", "0.2.1.graphql", "notes.md"]) fs.writeFileSync(path.join(dir, name), "");
      expect(latestRelease(dir)).toEqual({ version: "0.10.0", file: path.join(dir, "0.10.0.graphql") });
      expect(latestRelease(path.join(dir, "none"))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds every breaking change of schema.graphql since the last release named in CHANGELOG.md", async () => {
    const release = latestRelease(path.join(ROOT, "schema", "releases"))!;
    expect(release.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    const comparison = await compareSchemas(
      fs.readFileSync(release.file, "utf8"),
      fs.readFileSync(path.join(ROOT, "schema.graphql"), "utf8"),
      unreleasedBreaking(fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8")) ?? "",
    );
    expect(comparison.breaking.filter((c) => !c.listed).map((c) => `${c.path}: ${c.message}`)).toEqual([]);
  });
});
