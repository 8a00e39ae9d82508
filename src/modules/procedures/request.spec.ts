/**
 * A dossier request checked against its procedure before any data is read: the input's shape, the procedure's
 * form, the access boundary first, and a certificate standing for its parcel.
 */
import { describe, expect, it } from "vitest";
import { type Client, RequestAccess } from "../access/index.js";
import { GatewayError } from "../../platform/errors.js";
import { type CatalogueProcedure, ProcedureCatalogue } from "./catalogue.js";
import { type DossierRequest, aboutOf, admit, checkRequest, findProcedure, toRequest } from "./request.js";
import { agencyClient, citizenClient } from "../../../test/support/clients.js";

const AN = "001085012345";
const HOA = "079301000001";
const VIETTEL = "0100109106";

/** Hand-built procedures: one about a parcel and a buyer, one about a spouse, one filed by an enterprise. */
const TRANSFER: CatalogueProcedure = {
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
    { role: "PARCEL", kind: "PARCEL", description: "the parcel transferred", descriptionVi: "thửa đất chuyển nhượng" },
    { role: "BUYER", kind: "CITIZEN", description: "the transferee", descriptionVi: "bên nhận chuyển nhượng" },
  ],
  components: [
    { id: "C1", name: "Giấy chứng nhận", kind: "DATA", rule: "CERTIFICATE_HELD", note: "", noteVi: "" },
    { id: "C2", name: "Người nhận", kind: "DATA", rule: "BUYER_IDENTITY", note: "", noteVi: "" },
    { id: "C3", name: "Hợp đồng", kind: "DOCUMENT", reason: "SIGNED_AGREEMENT", note: "The signed contract.", noteVi: "Hợp đồng đã ký." },
  ],
};
const MARRIAGE: CatalogueProcedure = {
  ...TRANSFER,
  code: "1.000002",
  subjects: [{ role: "SPOUSE", kind: "CITIZEN", description: "the other party", descriptionVi: "bên kết hôn còn lại" }],
  components: [
    { id: "C1", name: "Tờ khai", kind: "DOCUMENT", reason: "APPLICATION_FORM", note: "", noteVi: "" },
    { id: "C2", name: "Bên kia", kind: "DATA", rule: "SPOUSE_SINGLE", note: "", noteVi: "" },
  ],
};
const REGISTRATION: CatalogueProcedure = {
  ...TRANSFER,
  code: "2.000003",
  applicant: "ENTERPRISE",
  subjects: [{ role: "ENTERPRISE", kind: "ENTERPRISE", description: "another enterprise", descriptionVi: "doanh nghiệp khác" }],
  components: [{ id: "C1", name: "Đăng ký", kind: "DATA", rule: "ENTERPRISE_REGISTERED", note: "", noteVi: "" }],
};
const catalogue = new ProcedureCatalogue([TRANSFER, MARRIAGE, REGISTRATION]);

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error("expected a refusal");
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<GatewayError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

const request = (
  procedureCode: string,
  applicant: DossierRequest["applicant"],
  subjects: DossierRequest["subjects"] = {},
): DossierRequest => ({
  procedureCode,
  applicant,
  subjects,
});

describe("toRequest", () => {
  it("takes exactly one applicant", () => {
    expect(toRequest({ procedureCode: "1.000001", applicant: { personalId: AN } }).applicant).toEqual({ kind: "CITIZEN", id: AN });
    expect(toRequest({ procedureCode: "1.000001", applicant: { enterpriseCode: VIETTEL } }).applicant).toEqual({
      kind: "ENTERPRISE",
      id: VIETTEL,
    });
    expect(refusal(() => toRequest({ procedureCode: "1.000001", applicant: {} })).code).toBe("INVALID_DOSSIER");
    expect(refusal(() => toRequest({ procedureCode: "1.000001", applicant: { personalId: AN, enterpriseCode: VIETTEL } })).code).toBe(
      "INVALID_DOSSIER",
    );
  });

  it("names the subjects by role, leaving out those not given, and trims the procedure code", () => {
    const input = {
      procedureCode: " 1.000001 ",
      applicant: { personalId: AN },
      subjects: { buyer: HOA, parcel: "00004-12-345", spouse: "", certificate: "DA 123456" },
    };
    expect(toRequest(input)).toEqual({
      procedureCode: "1.000001",
      applicant: { kind: "CITIZEN", id: AN },
      subjects: { BUYER: HOA, PARCEL: "00004-12-345", CERTIFICATE: "DA 123456" },
    });
  });
});

describe("checkRequest", () => {
  it("passes a dossier that fits its procedure", () => {
    expect(checkRequest(catalogue, request("1.000001", { kind: "CITIZEN", id: AN }, { PARCEL: "00004-12-345", BUYER: HOA }))).toBe(
      TRANSFER,
    );
  });

  it("refuses an unknown procedure", () => {
    const error = refusal(() => findProcedure(catalogue, "1.999999"));
    expect(error.code).toBe("UNKNOWN_PROCEDURE");
    expect(error.extensions.procedureCode).toBe("1.999999");
  });

  it("refuses an applicant of the wrong kind, or one whose id is malformed", () => {
    expect(refusal(() => checkRequest(catalogue, request("2.000003", { kind: "CITIZEN", id: AN }))).code).toBe("INVALID_DOSSIER");
    expect(refusal(() => checkRequest(catalogue, request("1.000002", { kind: "CITIZEN", id: "123" }, { SPOUSE: HOA }))).code).toBe(
      "INVALID_PERSONAL_ID",
    );
    expect(refusal(() => checkRequest(catalogue, request("2.000003", { kind: "ENTERPRISE", id: "0100109107" }))).code).toBe(
      "INVALID_TAX_CODE",
    );
  });

  it("refuses a subject the procedure does not take, naming those it does", () => {
    const error = refusal(() => checkRequest(catalogue, request("1.000002", { kind: "CITIZEN", id: AN }, { SPOUSE: HOA, CHILD: AN })));
    expect(error.code).toBe("INVALID_DOSSIER");
    expect(error.message).toContain("SPOUSE");
  });

  it("holds each subject to the shape of its kind", () => {
    expect(
      refusal(() => checkRequest(catalogue, request("1.000001", { kind: "CITIZEN", id: AN }, { PARCEL: "12-345", BUYER: HOA }))).code,
    ).toBe("INVALID_DOSSIER");
    expect(
      refusal(() => checkRequest(catalogue, request("1.000001", { kind: "CITIZEN", id: AN }, { PARCEL: "00004-12-345", BUYER: "x" }))).code,
    ).toBe("INVALID_PERSONAL_ID");
    expect(
      refusal(() => checkRequest(catalogue, request("2.000003", { kind: "ENTERPRISE", id: VIETTEL }, { ENTERPRISE: "0100109107" }))).code,
    ).toBe("INVALID_TAX_CODE");
  });

  it("wants every subject a data component's rule needs, naming the component", () => {
    const error = refusal(() => checkRequest(catalogue, request("1.000001", { kind: "CITIZEN", id: AN }, { PARCEL: "00004-12-345" })));
    expect(error.code).toBe("INVALID_DOSSIER");
    expect(error.message).toContain("BUYER");
    expect(error.message).toContain("Người nhận");
  });

  it("leaves a certificate to admit(), where it stands for its parcel", () => {
    expect(
      checkRequest(
        catalogue,
        request("1.000001", { kind: "CITIZEN", id: AN }, { PARCEL: "00004-12-345", BUYER: HOA, CERTIFICATE: "anything" }),
      ),
    ).toBe(TRANSFER);
  });
});

const agency = (procedures: string[]) => agencyClient({ sources: ["population", "land", "business"], classes: ["basic"], procedures });

/** The land source's certificates, as admit() reads them. */
function context(client: Client | null, purpose: { procedure: string; caseId: string } | null, certificates: Record<string, string> = {}) {
  const asked: string[] = [];
  return {
    asked,
    ctx: {
      access: new RequestAccess(client, purpose),
      land: {
        reader: {
          certificate: async (serial: string) => (
            asked.push(serial),
            certificates[serial] ? ({ serial, parcelId: certificates[serial] } as never) : null
          ),
        },
      },
    },
  };
}

describe("admit", () => {
  const transfer = (subjects: DossierRequest["subjects"]) => request("1.000001", { kind: "CITIZEN", id: AN }, subjects);

  it("asks the access boundary first, so a refused client learns nothing of the dossier's shape", async () => {
    const { ctx, asked } = context(null, null, { "DA 123456": "00004-12-345" });
    expect((await asyncRefusal(() => admit(ctx, catalogue, transfer({ BUYER: "bad", CERTIFICATE: "DA 123456" })))).code).toBe(
      "UNAUTHENTICATED",
    );
    const other = context(agency(["1.000002"]), { procedure: "1.000001", caseId: "HS-1" });
    expect((await asyncRefusal(() => admit(other.ctx, catalogue, transfer({ BUYER: "bad" })))).code).toBe("PURPOSE_NOT_GRANTED");
    expect(asked).toEqual([]);
  });

  it("puts the parcel of a named certificate in the dossier", async () => {
    const { ctx } = context(agency(["1.000001"]), { procedure: "1.000001", caseId: "HS-1" }, { "DA 123456": "00004-12-345" });
    const dossier = transfer({ BUYER: HOA, CERTIFICATE: "DA 123456" });
    expect(await admit(ctx, catalogue, dossier)).toBe(TRANSFER);
    expect(dossier.subjects.PARCEL).toBe("00004-12-345");
  });

  it("refuses a certificate for a procedure about no parcel, a malformed serial and an unknown one", async () => {
    const { ctx, asked } = context(agency(["*"]), { procedure: "1.000002", caseId: "HS-1" });
    expect(
      (
        await asyncRefusal(() =>
          admit(ctx, catalogue, request("1.000002", { kind: "CITIZEN", id: AN }, { SPOUSE: HOA, CERTIFICATE: "DA 123456" })),
        )
      ).code,
    ).toBe("INVALID_DOSSIER");
    const transferCtx = context(agency(["*"]), { procedure: "1.000001", caseId: "HS-1" });
    expect((await asyncRefusal(() => admit(transferCtx.ctx, catalogue, transfer({ BUYER: HOA, CERTIFICATE: "not a serial" })))).code).toBe(
      "INVALID_DOSSIER",
    );
    expect(
      (await asyncRefusal(() => admit(transferCtx.ctx, catalogue, transfer({ BUYER: HOA, CERTIFICATE: "DA 999999" })))).message,
    ).toContain("No certificate DA 999999");
    expect([...asked, ...transferCtx.asked]).toEqual(["DA 999999"]);
  });

  it("refuses a certificate of another parcel than the one named, telling a citizen only that they differ", async () => {
    const certificates = { "DA 123456": "00004-12-345" };
    const dossier = () => transfer({ PARCEL: "00004-12-999", BUYER: HOA, CERTIFICATE: "DA 123456" });
    const toAgency = await asyncRefusal(() =>
      admit(context(agency(["*"]), { procedure: "1.000001", caseId: "HS-1" }, certificates).ctx, catalogue, dossier()),
    );
    expect(toAgency.message).toContain("parcel 00004-12-345");
    const toCitizen = await asyncRefusal(() => admit(context(citizenClient(AN), null, certificates).ctx, catalogue, dossier()));
    expect(toCitizen.code).toBe("INVALID_DOSSIER");
    expect(toCitizen.message).not.toContain("00004-12-345");
    expect(toCitizen.message).toContain("another parcel");
  });
});

describe("aboutOf", () => {
  it("is the applicant, the roles the rule reads (a certificate's parcel too), and the facts' subjects and mentions, once each", () => {
    const dossier = { applicant: { kind: "CITIZEN" as const, id: AN }, subjects: { PARCEL: "00004-12-345", BUYER: HOA } };
    expect(aboutOf(TRANSFER, dossier, "BUYER_IDENTITY", [])).toEqual([
      { kind: "CITIZEN", id: AN },
      { kind: "CITIZEN", id: HOA },
    ]);
    const fact = {
      source: "land" as const,
      record: "",
      fact: "f",
      value: "",
      recordUpdatedAt: null,
      subject: { kind: "LAND_PARCEL" as const, id: "00004-12-345" },
      mentions: [{ kind: "CITIZEN" as const, id: AN }],
    };
    expect(aboutOf(TRANSFER, dossier, "CERTIFICATE_HELD", [fact])).toEqual([
      { kind: "CITIZEN", id: AN },
      { kind: "LAND_PARCEL", id: "00004-12-345" },
    ]);
    expect(aboutOf(TRANSFER, dossier, undefined, [])).toEqual([{ kind: "CITIZEN", id: AN }]);
  });
});

describe("the published catalogue", () => {
  it("passes checkRequest for each procedure with well-formed subjects of the kinds it declares", () => {
    const real = ProcedureCatalogue.load();
    const sample = { CITIZEN: HOA, PARCEL: "00004-12-345", ENTERPRISE: VIETTEL } as const;
    for (const procedure of real.procedures) {
      const applicant =
        procedure.applicant === "CITIZEN" ? { kind: "CITIZEN" as const, id: AN } : { kind: "ENTERPRISE" as const, id: VIETTEL };
      const subjects = Object.fromEntries(procedure.subjects.map((s) => [s.role, sample[s.kind]]));
      expect(checkRequest(real, request(procedure.code, applicant, subjects)), procedure.code).toBe(procedure);
    }
  });
});
