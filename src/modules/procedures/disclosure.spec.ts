/**
 * What a dossier's answer shows its reader and what the audit trail records of it: an agency sees every fact; a
 * citizen filing as applicant sees their own facts, and of anyone or anything else only the verdict.
 */
import { describe, expect, it } from "vitest";
import type { Client, Subject } from "../access/index.js";
import type { CatalogueProcedure } from "./catalogue.js";
import {
  type DisclosableComponent,
  type DossierParties,
  WITHHELD,
  disclose,
  distinct,
  roleSubjects,
  visibleSubjects,
} from "./disclosure.js";
import type { Evidence } from "./rules.js";
import { agencyClient, citizenClient } from "../../../test/support/clients.js";

const AN = "001085012345";
const HOA = "079301000001";
const PARCEL = "00004-12-345";

const PROCEDURE: CatalogueProcedure = {
  code: "1.000001",
  name: "Chuyển nhượng",
  nameEn: "Transfer",
  level: "PROVINCE",
  field: "Đất đai",
  decision: "",
  url: "",
  legalBasis: [],
  applicant: "CITIZEN",
  subjects: [
    { role: "PARCEL", kind: "PARCEL", description: "the parcel", descriptionVi: "thửa đất" },
    { role: "BUYER", kind: "CITIZEN", description: "the transferee", descriptionVi: "bên nhận chuyển nhượng" },
  ],
  components: [],
};

const an: Subject = { kind: "CITIZEN", id: AN };
const hoa: Subject = { kind: "CITIZEN", id: HOA };
const parcel: Subject = { kind: "LAND_PARCEL", id: PARCEL };

const parties: DossierParties = { procedure: PROCEDURE, applicant: an, subjects: { PARCEL, BUYER: HOA, CERTIFICATE: "DA 123456" } };

function fact(source: Evidence["source"], name: string, subject: Subject, ...mentions: Subject[]): Evidence {
  return { source, record: `${subject.kind} ${subject.id}`, fact: name, value: "v", recordUpdatedAt: null, subject, mentions };
}

function component(
  id: string,
  status: string,
  evidence: Evidence[],
  about: Subject[],
  extra: Partial<DisclosableComponent> = {},
): DisclosableComponent {
  return { component: { id, name: id }, status, reason: null, message: `message of ${id} naming ${HOA}`, evidence, about, ...extra };
}

const client = (kind: Client["kind"], personalId: string | null = null) =>
  kind === "CITIZEN" ? citizenClient(personalId!) : agencyClient();

/** One component about the applicant only, one about the buyer, one about the parcel naming the applicant. */
const components = () => [
  component("OWN", "FULFILLED_BY_DATA", [fact("population", "fullName", an)], [an]),
  component("BUYER", "FAILED_CHECK", [fact("population", "age", hoa)], [an, hoa]),
  component("LAND", "FULFILLED_BY_DATA", [fact("land", "parcel", parcel), fact("land", "certificate", parcel, an)], [an, parcel]),
];

describe("disclose to an agency", () => {
  it("shows every fact and message", () => {
    const { components: shown } = disclose(client("SYSTEM"), parties, components());
    expect(shown).toEqual(components());
  });

  it("records each subject with the facts about it or naming it, and every party with its role", () => {
    const { reads } = disclose(client("SYSTEM"), parties, components());
    expect(reads).toEqual([
      { subject: an, fields: ["Procedure:1.000001", "land.certificate", "population.fullName"] },
      { subject: parcel, fields: ["Procedure:1.000001:PARCEL", "land.certificate", "land.parcel"] },
      { subject: hoa, fields: ["Procedure:1.000001:BUYER", "population.age"] },
    ]);
  });
});

describe("disclose to the citizen filing", () => {
  const { components: shown, reads } = disclose(client("CITIZEN", AN), parties, components());
  const byId = Object.fromEntries(shown.map((c) => [c.component.id, c]));

  it("shows the facts about the citizen alone", () => {
    expect(byId.OWN.evidence).toEqual([fact("population", "fullName", an)]);
    expect(byId.OWN.message).toBe(components()[0].message);
  });

  it("withholds the facts about anyone or anything else, even those that name the citizen", () => {
    expect(byId.BUYER.evidence).toEqual([]);
    expect(byId.LAND.evidence).toEqual([]);
  });

  it("replaces the message of a failed check about someone else, which could name them", () => {
    expect(byId.BUYER.status).toBe("FAILED_CHECK");
    expect(byId.BUYER.message).not.toContain(HOA);
    // A fulfilled component's message says nothing of others: it is kept.
    expect(byId.LAND.message).toBe(components()[2].message);
  });

  it("records the verdict against each other subject, and no fact that did not leave", () => {
    expect(reads).toEqual([
      { subject: an, fields: ["Procedure:1.000001", "population.fullName"] },
      { subject: parcel, fields: ["Procedure:1.000001:LAND", "Procedure:1.000001:PARCEL"] },
      { subject: hoa, fields: ["Procedure:1.000001:BUYER"] },
    ]);
  });

  it("replaces the message of a component whose data about someone else was not found", () => {
    const missing = component("BUYER", "NEEDS_DOCUMENT", [], [an, hoa], { reason: "DATA_NOT_FOUND" });
    const asDocument = component("BUYER", "NEEDS_DOCUMENT", [], [an, hoa], { reason: "DOCUMENT_ONLY" });
    const [notFound, documentOnly] = disclose(client("CITIZEN", AN), parties, [missing, asDocument]).components;
    expect(notFound.message).not.toContain(HOA);
    expect(notFound.message).toMatch(/not found/);
    expect(documentOnly.message).toBe(asDocument.message);
  });

  it("treats another citizen client as anyone else", () => {
    const { components: toHoa } = disclose(client("CITIZEN", HOA), parties, components());
    expect(toHoa.find((c) => c.component.id === "OWN")?.evidence).toEqual([]);
    // The applicant is not hidden from the dossier's own answer, the buyer's own facts are theirs.
    expect(toHoa.find((c) => c.component.id === "BUYER")?.evidence).toEqual([fact("population", "age", hoa)]);
  });
});

describe("visibleSubjects", () => {
  it("shows an agency every subject, the certificate as named", () => {
    expect(visibleSubjects(client("SYSTEM"), parties)).toEqual([
      { role: "PARCEL", kind: "PARCEL", id: PARCEL },
      { role: "BUYER", kind: "CITIZEN", id: HOA },
      { role: "CERTIFICATE", kind: "CERTIFICATE", id: "DA 123456" },
    ]);
  });

  it("withholds from a citizen every subject but themselves, the parcel a certificate was resolved to too", () => {
    expect(visibleSubjects(client("CITIZEN", AN), parties).map((s) => s.id)).toEqual([null, null, null]);
    expect(visibleSubjects(client("CITIZEN", HOA), parties).find((s) => s.role === "BUYER")?.id).toBe(HOA);
    expect(WITHHELD).toMatch(/withheld/);
  });
});

describe("roleSubjects and distinct", () => {
  it("types each declared role's subject, leaving out roles the procedure does not declare", () => {
    expect(roleSubjects({ ...parties, subjects: { PARCEL, BUYER: HOA, CERTIFICATE: "DA 123456", SPOUSE: AN } })).toEqual([
      { role: "PARCEL", subject: parcel },
      { role: "BUYER", subject: hoa },
    ]);
  });

  it("keeps the first of equal subjects, telling kinds apart", () => {
    const enterprise: Subject = { kind: "ENTERPRISE", id: "0100109106" };
    const household: Subject = { kind: "HOUSEHOLD_BUSINESS", id: "0100109106" };
    expect(distinct([an, hoa, { ...an }, enterprise, household, enterprise])).toEqual([an, hoa, enterprise, household]);
  });
});
