/** Finer points of the checks, on inputs written here (the fixtures cover one finding per rule). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { offlineEnvironment } from "../../src/cli/conformance.js";
import type { InputFile } from "../../src/modules/conformance/inputs.js";
import { checkConformance } from "../../src/modules/conformance/service.js";

const TODAY = "2026-12-01";

async function check(files: {
  operations?: InputFile[];
  samples?: InputFile[];
  schema?: InputFile;
  schemaTypeMap?: Record<string, string>;
}) {
  const report = await checkConformance(
    await offlineEnvironment(),
    { operations: files.operations ?? [], samples: files.samples ?? [], schema: files.schema ?? null, schemaTypeMap: files.schemaTypeMap },
    { today: TODAY },
  );
  return report.findings.map((f) => ({ rule: f.rule, line: f.line, path: f.path, fix: f.fix, message: f.message }));
}

const citizen = (address: Record<string, unknown>) => ({
  personalId: "056090001234",
  fullName: "Trần Minh Khoa",
  dateOfBirth: "1990-03-14",
  sex: "MALE",
  permanentResidence: address,
});

describe("conformance checks", () => {
  it("holds codes written into an operation to the 2025 map", async () => {
    const findings = await check({
      operations: [
        {
          name: "q.graphql",
          content:
            'query NhaTrang {\n  legacy: citizens(first: 5, filter: { communeCode: "22327" }) { totalCount }\n  current: citizens(first: 5, filter: { communeCode: "22333" }) { totalCount }\n}\n',
        },
      ],
    });
    // The query reads personal data without a purpose too; the code is reported at its own line, with its successor.
    expect(findings.find((f) => f.rule === "DATA_ADMIN_UNIT_LEGACY")).toMatchObject({ line: 2, fix: "use 22333 (Phường Bắc Nha Trang)" });
    expect(findings.filter((f) => f.rule.startsWith("DATA_"))).toHaveLength(1);
  });

  it("accepts a pre-2025 commune kept beside its 2025 successor, and refuses one that went elsewhere", async () => {
    const ok = await check({
      samples: [{ name: "a.json", content: JSON.stringify({ citizens: [citizen({ communeCode: "22333", legacyCommuneCode: "22327" })] }) }],
    });
    expect(ok).toEqual([]);
    const wrong = await check({
      samples: [{ name: "a.json", content: JSON.stringify({ citizens: [citizen({ communeCode: "22366", legacyCommuneCode: "22327" })] }) }],
    });
    expect(wrong).toMatchObject([{ rule: "DATA_ADMIN_UNIT_MISMATCH", path: "$.citizens[0].permanentResidence.legacyCommuneCode" }]);
    const stale = await check({
      samples: [{ name: "a.json", content: JSON.stringify({ citizens: [citizen({ legacyCommuneCode: "22327" })] }) }],
    });
    expect(stale).toMatchObject([{ rule: "DATA_ADMIN_UNIT_LEGACY", fix: "use 22333 (Phường Bắc Nha Trang)" }]);
  });

  it("reports a split commune as ambiguous, naming every successor", async () => {
    const [finding] = await check({ samples: [{ name: "a.json", content: JSON.stringify({ addresses: [{ communeCode: "00016" }] }) }] });
    expect(finding.rule).toBe("DATA_ADMIN_UNIT_LEGACY");
    expect(finding.fix).toMatch(/^ambiguous: .*00004 \(Phường Ba Đình\).*00008 \(Phường Ngọc Hà\)/);
  });

  it("finds two operations of one name in a document", async () => {
    const findings = await check({
      operations: [{ name: "dup.graphql", content: "query Provinces { provinces { code } }\nquery Provinces { provinces { name } }\n" }],
    });
    expect(findings).toMatchObject([{ rule: "OP_INVALID", line: 2 }]);
  });

  it("reports a cost over the limit once, whether the page size is a literal or a sample variable", async () => {
    const costly = fs.readFileSync(
      path.join(import.meta.dirname, "fixtures/non-conformant/OP_TOO_COSTLY/operations/households.graphql"),
      "utf8",
    );
    const content = costly.replace(
      "query CitizensWithChildrenAndParcels {",
      "query CitizensWithChildrenAndParcels($n: Int) {\n  more: citizens(first: $n) { totalCount }",
    );
    const findings = await check({
      operations: [
        { name: "c.graphql", content },
        { name: "c.variables.json", content: '{ "n": 100 }' },
      ],
    });
    expect(findings.filter((f) => f.rule === "OP_TOO_COSTLY")).toHaveLength(1);
  });

  it("checks a dossier against its procedure: a certificate only where the procedure is about a parcel", async () => {
    const dossier = {
      procedureCode: "1.001193",
      applicant: { personalId: "056195004321" },
      subjects: { child: "056225000777", certificate: "DA 123456" },
    };
    const findings = await check({ samples: [{ name: "d.json", content: JSON.stringify({ dossiers: [dossier] }) }] });
    expect(findings).toMatchObject([{ rule: "DATA_DOSSIER", path: "$.dossiers[0].subjects.certificate" }]);
  });

  it("wants records under a kind as a list", async () => {
    const findings = await check({ samples: [{ name: "e.json", content: JSON.stringify({ enterprises: { code: "4201123457" } }) }] });
    expect(findings).toMatchObject([{ rule: "DATA_TYPE", path: "$.enterprises" }]);
  });

  it("compares a schema whose types carry Vietnamese names once they are mapped to the national ones", async () => {
    const schema = {
      name: "their.graphql",
      content:
        "type CongDan {\n  personalId: String!\n  fullName: String!\n  sex: GioiTinh!\n}\n\nenum GioiTinh {\n  MALE\n  FEMALE\n  OTHER\n}\n\ntype Query {\n  congDan(personalId: String!): CongDan\n}\n",
    };
    expect((await check({ schema })).map((f) => f.rule)).toEqual(["SCHEMA_NO_SHARED_TYPES"]);

    const mapped = await check({ schema, schemaTypeMap: { CongDan: "Citizen", GioiTinh: "Sex" } });
    const byPath = Object.fromEntries(mapped.map((f) => [f.path, f]));
    expect(byPath["Citizen.personalId"]).toMatchObject({ rule: "SCHEMA_BREAKING", line: 2 });
    expect(byPath["Citizen.personalId"].message).toContain("from 'PersonalId!' to 'String!' (their CongDan)");
    expect(byPath.Citizen).toMatchObject({ rule: "SCHEMA_BREAKING", line: 1 });
    expect(byPath.Citizen.message).toMatch(/^Citizen \(their CongDan\) lacks \d+ field\(s\) of the national type: children, /);
    expect(byPath["Sex.OTHER"]).toMatchObject({ rule: "SCHEMA_DANGEROUS", line: 10 });
    expect(mapped).toHaveLength(3); // the missing fields are one finding, not one per field

    // The gateway's global ids (Node, and the id it gives Citizen) are its own: a system's Citizen need not carry them.
    expect(byPath.Citizen.message).not.toMatch(/\bid\b|Node/);

    await expect(check({ schema, schemaTypeMap: { Nope: "Citizen" } })).rejects.toThrow(/has no type Nope/);
    await expect(check({ schema, schemaTypeMap: { CongDan: "Nope" } })).rejects.toThrow(/national schema has no type Nope/);
  });
});
