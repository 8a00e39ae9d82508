/**
 * Checks sample records (JSON) against the national data standards: personal ids and their agreement with the
 * record, tax and branch codes with their check digit, administrative unit codes on the 2025 map (a pre-2025 code
 * is reported with its 2025 successor(s)), ISO dates, required fields and code lists. Dossiers are checked against
 * the national DossierInput type and the procedure catalogue.
 */
import {
  coerceInputValue,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from "graphql";
import { didYouMean, suggestionList } from "./suggest.js";
import { branchCodeProblem, CERTIFICATE_SERIAL_PATTERN, PARCEL_ID_PATTERN, parsePersonalId, taxCodeProblem } from "../../shared/codes.js";
import { findGatewayError } from "../../platform/errors.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { explainLegacy } from "../admin-units/index.js";
import type { ProcedureCatalogue } from "../procedures/index.js";
import { checkRequest, toRequest } from "../procedures/index.js";
import { type InputFile, JsonDocument, type JsonPath, ConformanceInputError } from "./inputs.js";
import type { Findings } from "./report.js";
import { type RuleId, ruleForInputError } from "./rules.js";
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";
import {
  ADDRESS_FIELDS,
  DISTRICT_FIELDS,
  DOSSIER_KEY,
  type FieldSpec,
  RECORD_KIND_KEYS,
  RECORD_KINDS,
  type ValueSpec,
} from "./standards.js";

export interface PayloadContext {
  schema: GraphQLSchema;
  adminUnits: AdminUnitRegistry;
  catalogue: ProcedureCatalogue;
  /** Today, for dates that cannot lie in the future (a parameter, so tests can fix it). */
  today: string;
  /**
   * Whether findings name the nearest national field, enum value or record kind ("Did you mean …?"). Off for the
   * API in production, where the gateway hides suggestions as it hides introspection.
   */
  suggestions: boolean;
}

/** Where a value is: the JSON document and the path in it. */
export interface At {
  doc: JsonDocument;
  path: JsonPath;
}

const show = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value)));

function add(
  findings: Findings,
  at: At,
  rule: RuleId,
  message: string,
  details: { found?: unknown; expected?: string; fix?: string } = {},
): void {
  findings.add({
    rule,
    ...at.doc.at(at.path),
    message,
    found: details.found === undefined ? null : show(details.found),
    expected: details.expected ?? null,
    fix: details.fix ?? null,
  });
}

const child = (at: At, key: string | number): At => ({ doc: at.doc, path: [...at.path, key] });
const label = (at: At): string => String(at.path[at.path.length - 1] ?? "value");
const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A string, or a DATA_TYPE finding (a code given as a number loses its leading zeros). */
function expectString(findings: Findings, at: At, value: unknown, what: string): value is string {
  if (typeof value === "string") return true;
  const lost = typeof value === "number" ? say(M.lostAsNumber) : "";
  add(
    findings,
    at,
    "DATA_TYPE",
    say(M.mustBeString, {
      name: label(at),
      what,
      got: value === null ? "null" : Array.isArray(value) ? say(M.gotArray) : typeof value,
      lost,
    }),
    {
      found: value,
      expected: say(M.expString, { what }),
    },
  );
  return false;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function checkDate(findings: Findings, at: At, value: unknown, past: boolean, today: string): void {
  if (!expectString(findings, at, value, say(M.whatDate))) return;
  const match = ISO_DATE.exec(value);
  if (!match) {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    const fix = dmy ? say(M.fixWrite, { value: `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}` }) : undefined;
    add(findings, at, "DATA_DATE", say(M.notIsoDate, { name: label(at), value: show(value) }), {
      found: value,
      expected: "YYYY-MM-DD",
      fix,
    });
    return;
  }
  if (!realDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    add(findings, at, "DATA_DATE", say(M.notCalendarDay, { name: label(at), value }), {
      found: value,
      expected: say(M.expRealDate),
    });
    return;
  }
  if (past && value > today)
    add(findings, at, "DATA_DATE", say(M.inFuture, { name: label(at), value }), {
      found: value,
      expected: say(M.expOnOrBefore, { date: today }),
    });
}

function checkDateTime(findings: Findings, at: At, value: unknown): void {
  if (!expectString(findings, at, value, say(M.whatDateTime))) return;
  const match = RFC3339.exec(value);
  if (!match || !realDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    add(findings, at, "DATA_DATE", say(M.notDateTime, { name: label(at), value: show(value) }), {
      found: value,
      expected: say(M.expDateTime),
    });
  }
}

function checkPersonalId(findings: Findings, at: At, value: unknown, today: string): void {
  if (!expectString(findings, at, value, say(M.whatPersonalId))) return;
  const parts = parsePersonalId(value);
  if ("error" in parts) {
    add(findings, at, "DATA_PERSONAL_ID", say(M.invalidPersonalId, { problem: parts.error }), {
      found: value,
      expected: say(M.expPersonalId),
    });
  } else if (parts.birthYear > Number(today.slice(0, 4))) {
    add(findings, at, "DATA_PERSONAL_ID", say(M.birthYearToCome, { value, year: parts.birthYear }), {
      found: value,
      expected: say(M.expPastYear),
    });
  }
}

export interface Problem {
  rule: RuleId;
  message: string;
  found?: unknown;
  expected?: string;
  fix?: string;
}

/** What is wrong with a well-typed administrative unit code at a level: format, or not on the 2025 map (a pre-2025 unit and its successors). */
export function adminUnitProblem(value: string, level: "PROVINCE" | "COMMUNE", registry: AdminUnitRegistry, name = "code"): Problem | null {
  const digits = level === "PROVINCE" ? 2 : 5;
  const what = say(level === "PROVINCE" ? M.provinceCode2 : M.communeCode5);
  if (!/^\d+$/.test(value) || (value.length !== digits && !(level === "COMMUNE" && value.length === 3))) {
    return {
      rule: "DATA_ADMIN_UNIT_FORMAT",
      message: say(M.adminUnitFormat, { name, value: show(value), what }),
      found: value,
      expected: say(M.expAdminFormat, { what }),
    };
  }
  const current = level === "PROVINCE" ? registry.province(value) : registry.commune(value);
  if (current) return null;
  const legacy = registry.legacyUnit(value);
  if (legacy) {
    const successors = legacy.successors.map((s) => {
      const unit = legacy.level === "PROVINCE" ? registry.province(s.code) : registry.commune(s.code);
      return `${s.code} (${unit?.name ?? "?"})`;
    });
    const ambiguous = legacy.level !== "PROVINCE" && legacy.successors.length > 1;
    const fix =
      successors.length === 0
        ? say(M.fixNoSuccessor)
        : ambiguous
          ? say(legacy.level === "DISTRICT" ? M.fixAmbiguousDistrict : M.fixAmbiguousCommune, { successors: successors.join(", ") })
          : say(M.fixUse, { name: successors[0] });
    return {
      rule: "DATA_ADMIN_UNIT_LEGACY",
      message: say(M.adminUnitLegacy, { value, name: legacy.name, explanation: explainLegacy(registry, legacy) }),
      found: say(M.foundPre2025, { value, name: legacy.name }),
      expected: say(M.expOn2025Map, { what }),
      fix,
    };
  }
  return {
    rule: "DATA_ADMIN_UNIT_UNKNOWN",
    message: say(level === "PROVINCE" ? M.unknownProvince : M.unknownCommune, { value }),
    found: value,
    expected: say(M.expOn2025Map, { what }),
  };
}

/** Checks an administrative unit code at a level; returns it when it is on the 2025 map. */
export function checkAdminUnit(
  findings: Findings,
  at: At,
  value: unknown,
  level: "PROVINCE" | "COMMUNE",
  registry: AdminUnitRegistry,
): string | null {
  if (!expectString(findings, at, value, say(level === "PROVINCE" ? M.provinceCode2 : M.communeCode5))) return null;
  const problem = adminUnitProblem(value, level, registry, label(at));
  if (!problem) return value;
  add(findings, at, problem.rule, problem.message, problem);
  return null;
}

function enumValues(schema: GraphQLSchema, type: string): string[] {
  const t = schema.getType(type);
  return isEnumType(t) ? (t as GraphQLEnumType).getValues().map((v) => v.name) : [];
}

/** The national type's field names, for spotting fields that are not part of the standard. */
function nationalFields(schema: GraphQLSchema, type: string): string[] {
  const t = schema.getType(type);
  return isObjectType(t) ? Object.keys((t as GraphQLObjectType).getFields()) : [];
}

class PayloadChecker {
  constructor(
    private readonly ctx: PayloadContext,
    private readonly findings: Findings,
  ) {}

  value(at: At, value: unknown, spec: ValueSpec): void {
    const { findings, ctx } = this;
    switch (spec.kind) {
      case "string":
        expectString(findings, at, value, say(M.whatText));
        return;
      case "personalId":
        checkPersonalId(findings, at, value, ctx.today);
        return;
      case "taxCode":
        if (expectString(findings, at, value, say(M.whatTaxCode))) {
          const problem = taxCodeProblem(value);
          if (problem)
            add(findings, at, "DATA_TAX_CODE", say(M.invalidTaxCode, { problem }), {
              found: value,
              expected: say(M.expTaxCode),
            });
        }
        return;
      case "branchCode":
        if (expectString(findings, at, value, say(M.whatBranchCode))) {
          const problem = branchCodeProblem(value);
          if (problem)
            add(findings, at, "DATA_BRANCH_CODE", say(M.invalidBranchCode, { problem }), { found: value, expected: "NNNNNNNNNN-NNN" });
        }
        return;
      case "date":
        checkDate(findings, at, value, spec.past ?? false, ctx.today);
        return;
      case "dateTime":
        checkDateTime(findings, at, value);
        return;
      case "enum": {
        if (!expectString(findings, at, value, say(M.whatEnum, { type: spec.type }))) return;
        const values = enumValues(ctx.schema, spec.type);
        if (!values.includes(value)) {
          const near = ctx.suggestions ? suggestionList(value, values) : [];
          add(findings, at, "DATA_CODE_LIST", say(M.notEnumValue, { value: show(value), type: spec.type, hint: didYouMean(near) }), {
            found: value,
            expected: say(M.expOneOf, { values: values.join(", ") }),
            fix: near[0] ? say(M.fixUse, { name: near[0] }) : undefined,
          });
        }
        return;
      }
      case "codeList": {
        const code = isObject(value) ? value.code : value;
        const codeAt = isObject(value) ? child(at, "code") : at;
        if (!expectString(findings, codeAt, code, say(M.whatCodeList, { list: spec.list }))) return;
        if (!spec.codes.has(code)) {
          add(findings, codeAt, "DATA_CODE_LIST", say(M.notInCodeList, { value: show(code), list: spec.list }), {
            found: code,
            expected: say(M.expCodeOf, { list: spec.list, codes: [...spec.codes].slice(0, 8).join(", ") }),
          });
        }
        return;
      }
      case "industry": {
        const code = isObject(value) ? value.code : value;
        const codeAt = isObject(value) ? child(at, "code") : at;
        if (expectString(findings, codeAt, code, say(M.whatVsic)) && !/^\d{4}$/.test(code)) {
          add(findings, codeAt, "DATA_CODE_LIST", say(M.notVsic, { value: show(code) }), {
            found: code,
            expected: say(M.expVsic),
          });
        }
        return;
      }
      case "country":
        if (expectString(findings, at, value, say(M.whatCountry)) && !/^[A-Z]{2}$/.test(value)) {
          add(findings, at, "DATA_CODE_LIST", say(M.notCountry, { value: show(value) }), {
            found: value,
            expected: say(M.expCountry),
            fix: /^(viet ?nam|vn|vnm)$/i.test(value) ? say(M.fixUse, { name: "VN" }) : undefined,
          });
        }
        return;
      case "number":
        this.number(at, value, spec);
        return;
      case "address":
        this.address(at, value);
        return;
      case "adminUnit":
        checkAdminUnit(findings, at, value, spec.level, ctx.adminUnits);
        return;
      case "parcelId":
        this.parcelId(at, value);
        return;
      case "certificateSerial":
        if (expectString(findings, at, value, say(M.whatCertificateSerial)) && !CERTIFICATE_SERIAL_PATTERN.test(value)) {
          add(findings, at, "DATA_CERTIFICATE_SERIAL", say(M.notCertificateSerial, { value: show(value) }), {
            found: value,
            expected: say(M.expSerial),
          });
        }
        return;
      case "list":
        if (!Array.isArray(value)) {
          add(findings, at, "DATA_TYPE", say(M.mustBeList, { name: label(at) }), { found: value, expected: say(M.expArray) });
          return;
        }
        value.forEach((item, i) => this.value(child(at, i), item, spec.of));
        return;
      case "record":
        this.record(at, value, spec.type, spec.fields);
        return;
    }
  }

  private number(at: At, value: unknown, spec: Extract<ValueSpec, { kind: "number" }>): void {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      add(
        this.findings,
        at,
        "DATA_TYPE",
        say(M.mustBeNumber, { name: label(at), got: typeof value === "string" ? say(M.theString, { value: show(value) }) : show(value) }),
        {
          found: value,
          expected: say(M.expNumber),
        },
      );
      return;
    }
    const problems: string[] = [];
    if (spec.integer && !Number.isInteger(value)) problems.push(say(M.wholeNumber));
    if (spec.positive && value <= 0) problems.push(say(M.greaterThanZero));
    if (spec.min !== undefined && value < spec.min) problems.push(say(M.atLeast, { min: spec.min }));
    if (spec.max !== undefined && value > spec.max) problems.push(say(M.atMost, { max: spec.max }));
    if (problems.length > 0)
      add(this.findings, at, "DATA_TYPE", say(M.numberMustBe, { name: label(at), value, problems: problems.join(say(M.andJoin)) }), {
        found: value,
        expected: problems.join(", "),
      });
  }

  /** Field by field, required ones first; fields outside the national type are reported with the nearest name. */
  record(at: At, value: unknown, type: string, fields: Record<string, FieldSpec>): Record<string, unknown> | null {
    if (!isObject(value)) {
      add(this.findings, at, "DATA_TYPE", say(M.recordNotObject, { type }), { found: value, expected: say(M.expObject, { type }) });
      return null;
    }
    for (const [name, field] of Object.entries(fields)) {
      if (field.required && isEmpty(value[name])) {
        add(this.findings, at, "DATA_REQUIRED", say(value[name] === undefined ? M.requiredMissing : M.requiredEmpty, { type, name }), {
          expected: `${type}.${name}`,
        });
      }
    }
    const known = new Set([...Object.keys(fields), ...nationalFields(this.ctx.schema, type)]);
    for (const [name, fieldValue] of Object.entries(value)) {
      const at2 = child(at, name);
      if (DISTRICT_FIELDS.has(name)) {
        add(this.findings, at2, "DATA_DISTRICT", say(M.district, { name }), {
          found: fieldValue,
          expected: say(M.expNoDistrict),
          fix: say(M.fixRemove, { name }),
        });
        continue;
      }
      if (!known.has(name)) {
        const near = this.ctx.suggestions ? suggestionList(name, [...known]) : [];
        add(this.findings, at2, "DATA_UNKNOWN_FIELD", say(M.unknownField, { type, name, hint: didYouMean(near) }), {
          found: name,
          expected: say(M.expFieldOf, { type }),
          fix: near[0] ? say(M.fixRenameTo, { name: near[0] }) : undefined,
        });
        continue;
      }
      const field = fields[name];
      if (field && !(fieldValue === null && !field.required)) this.value(at2, fieldValue, field.spec);
    }
    return value;
  }

  private address(at: At, value: unknown): void {
    const record = this.record(at, value, "Address", ADDRESS_FIELDS);
    if (!record) return;
    if (isEmpty(record.communeCode) && isEmpty(record.legacyCommuneCode)) {
      add(this.findings, at, "DATA_REQUIRED", say(M.addressCommuneRequired), {
        expected: "Address.communeCode",
      });
    }
    const commune = typeof record.communeCode === "string" ? this.ctx.adminUnits.commune(record.communeCode) : undefined;
    const legacyCode = record.legacyCommuneCode;
    if (typeof legacyCode === "string" && legacyCode.trim() !== "") {
      const legacyAt = child(at, "legacyCommuneCode");
      if (isEmpty(record.communeCode)) {
        // Only the pre-2025 commune: the record has not been updated to the 2025 map.
        checkAdminUnit(this.findings, legacyAt, legacyCode, "COMMUNE", this.ctx.adminUnits);
      } else if (commune) {
        // Both: the old commune is history, but it must be one the new commune took over.
        const legacy = /^\d{5}$/.test(legacyCode) ? this.ctx.adminUnits.legacyUnit(legacyCode) : undefined;
        if (!legacy) {
          add(this.findings, legacyAt, "DATA_ADMIN_UNIT_UNKNOWN", say(M.legacyCommuneUnknown, { value: show(legacyCode) }), {
            found: legacyCode,
            expected: say(M.expLegacyCommune),
          });
        } else if (!legacy.successors.some((s) => s.code === commune.code)) {
          const went = legacy.successors.map((s) => `${s.code} (${this.ctx.adminUnits.commune(s.code)?.name ?? "?"})`).join(", ");
          add(
            this.findings,
            legacyAt,
            "DATA_ADMIN_UNIT_MISMATCH",
            say(M.legacyCommuneWentElsewhere, { legacy: legacy.name, legacyCode, went, commune: commune.name, communeCode: commune.code }),
            {
              found: legacyCode,
              expected: say(M.expMergedInto, { code: commune.code }),
            },
          );
        }
      }
    }
    const province = typeof record.provinceCode === "string" ? this.ctx.adminUnits.province(record.provinceCode) : undefined;
    if (commune && province && commune.provinceCode !== province.code) {
      const actual = this.ctx.adminUnits.province(commune.provinceCode);
      add(
        this.findings,
        child(at, "provinceCode"),
        "DATA_ADMIN_UNIT_MISMATCH",
        say(M.communeNotInProvince, {
          commune: commune.name,
          communeCode: commune.code,
          actual: actual?.name,
          actualCode: commune.provinceCode,
          province: province.name,
          provinceCode: province.code,
        }),
        {
          found: province.code,
          expected: commune.provinceCode,
          fix: say(M.fixUse, { name: commune.provinceCode }),
        },
      );
    }
  }

  /** False when the value is not shaped like a parcel id (reported here). */
  private parcelId(at: At, value: unknown): boolean {
    if (!expectString(this.findings, at, value, say(M.whatParcelId))) return false;
    const match = PARCEL_ID_PATTERN.exec(value);
    if (!match) {
      add(this.findings, at, "DATA_PARCEL_ID", say(M.notParcelId, { value: show(value) }), {
        found: value,
        expected: say(M.expParcelId),
      });
      return false;
    }
    checkAdminUnit(this.findings, at, match[1], "COMMUNE", this.ctx.adminUnits);
    return true;
  }

  citizen(at: At, record: Record<string, unknown>): void {
    const { personalId, dateOfBirth, sex, dateOfDeath } = record;
    if (typeof personalId !== "string") return;
    const parts = parsePersonalId(personalId);
    if ("error" in parts) return;
    const year = typeof dateOfBirth === "string" && ISO_DATE.test(dateOfBirth) ? Number(dateOfBirth.slice(0, 4)) : null;
    if (year !== null && year !== parts.birthYear) {
      add(
        this.findings,
        child(at, "personalId"),
        "DATA_PERSONAL_ID_MISMATCH",
        say(M.birthYearMismatch, { personalId, year: parts.birthYear, dateOfBirth: String(dateOfBirth) }),
        {
          found: `${personalId} → ${parts.birthYear}`,
          expected: say(M.expIdYear, { year }),
        },
      );
    }
    if ((sex === "MALE" || sex === "FEMALE") && sex !== parts.sex) {
      add(
        this.findings,
        child(at, "personalId"),
        "DATA_PERSONAL_ID_MISMATCH",
        say(M.sexMismatch, { personalId, encoded: parts.sex, sex }),
        {
          found: `${personalId} → ${parts.sex}`,
          expected: say(M.expIdSex, { sex }),
        },
      );
    }
    if (typeof dateOfDeath === "string" && typeof dateOfBirth === "string" && ISO_DATE.test(dateOfDeath) && dateOfDeath < dateOfBirth) {
      add(this.findings, child(at, "dateOfDeath"), "DATA_DATE", say(M.deathBeforeBirth, { dateOfDeath, dateOfBirth }), {
        found: dateOfDeath,
        expected: say(M.expOnOrAfter, { date: dateOfBirth }),
      });
    }
  }

  enterprise(at: At, record: Record<string, unknown>): void {
    const code = record.code;
    if (typeof code !== "string" || !Array.isArray(record.branches)) return;
    record.branches.forEach((branch, i) => {
      if (isObject(branch)) this.branchOf(child(child(at, "branches"), i), branch, code);
    });
  }

  /** A branch code must start with the code of the enterprise it belongs to. */
  branchOf(at: At, branch: Record<string, unknown>, enterpriseCode: unknown): void {
    if (typeof branch.code !== "string" || typeof enterpriseCode !== "string" || branchCodeProblem(branch.code)) return;
    const prefix = branch.code.slice(0, 10);
    if (prefix !== enterpriseCode) {
      add(
        this.findings,
        child(at, "code"),
        "DATA_BRANCH_CODE",
        say(M.branchOfOther, { branch: branch.code, prefix, enterprise: enterpriseCode }),
        {
          found: branch.code,
          expected: `${enterpriseCode}-NNN`,
        },
      );
    }
  }

  parcel(at: At, record: Record<string, unknown>): void {
    const match = typeof record.id === "string" ? PARCEL_ID_PATTERN.exec(record.id) : null;
    if (!match) return;
    const [, commune, sheet, number] = match;
    const addressCommune = isObject(record.address) ? record.address.communeCode : undefined;
    if (typeof addressCommune === "string" && addressCommune !== commune && this.ctx.adminUnits.commune(commune)) {
      add(
        this.findings,
        child(child(at, "address"), "communeCode"),
        "DATA_ADMIN_UNIT_MISMATCH",
        say(M.parcelCommuneMismatch, { id: String(record.id), commune, addressCommune }),
        {
          found: addressCommune,
          expected: commune,
        },
      );
    }
    for (const [field, part] of [
      ["mapSheetNumber", sheet],
      ["parcelNumber", number],
    ] as const) {
      if (typeof record[field] === "number" && record[field] !== Number(part)) {
        add(
          this.findings,
          child(at, field),
          "DATA_PARCEL_ID",
          say(M.parcelPartMismatch, { field, value: String(record[field]), id: String(record.id), part: Number(part) }),
          { found: record[field], expected: String(Number(part)) },
        );
      }
    }
  }

  dossier(at: At, value: unknown): void {
    const type = this.ctx.schema.getType("DossierInput") as GraphQLInputObjectType;
    if (!isInputObjectType(type)) return;
    let valid = true;
    const coerced = coerceInputValue(
      value,
      type,
      (path, invalid, error) => {
        valid = false;
        const place = path.length ? { doc: at.doc, path: [...at.path, ...path] } : at;
        const code = findGatewayError(error)?.code;
        const rule = ruleForInputError(code, "DATA_DOSSIER");
        const message = findGatewayError(error)?.message ?? error.message;
        add(this.findings, place, rule, path.length ? `${path.join(".")}: ${message}` : message, {
          found: invalid,
          expected: rule === "DATA_DOSSIER" ? say(M.expDossierInput) : undefined,
        });
      },
      !this.ctx.suggestions,
    );
    if (!valid || !isObject(coerced)) return;
    const input = coerced as {
      procedureCode: string;
      applicant: { personalId?: string; enterpriseCode?: string };
      subjects?: Record<string, string>;
    };
    if (!this.ctx.catalogue.get(input.procedureCode.trim())) {
      add(this.findings, child(at, "procedureCode"), "DATA_PROCEDURE", say(M.noProcedure, { code: input.procedureCode }), {
        found: input.procedureCode,
        expected: say(M.expProcedureCode),
      });
      return;
    }
    const subjects = input.subjects ?? {};
    const procedure = this.ctx.catalogue.get(input.procedureCode.trim())!;
    if (subjects.certificate && !procedure.subjects.some((sub) => sub.kind === "PARCEL")) {
      add(
        this.findings,
        child(child(at, "subjects"), "certificate"),
        "DATA_DOSSIER",
        say(M.noCertificateWithoutParcel, { code: procedure.code }),
        {
          found: subjects.certificate,
          expected: say(M.expSubjects, {
            code: procedure.code,
            roles: procedure.subjects.map((sub) => sub.role).join(", ") || say(M.none),
          }),
        },
      );
      return;
    }
    // A malformed parcel id is reported as DATA_PARCEL_ID; the procedure check would only say it again.
    if (subjects.parcel && !this.parcelId(child(child(at, "subjects"), "parcel"), subjects.parcel)) return;
    if (subjects.certificate) this.value(child(child(at, "subjects"), "certificate"), subjects.certificate, { kind: "certificateSerial" });
    try {
      checkRequest(this.ctx.catalogue, toRequest(input as never));
    } catch (error) {
      const typed = findGatewayError(error);
      if (!typed) throw error;
      const rule = ruleForInputError(typed.code, "DATA_DOSSIER");
      add(this.findings, at, rule, typed.message, { expected: say(M.expDossierAccepted, { code: input.procedureCode }) });
    }
  }
}

/** Checks one sample file; returns the number of records in it. */
export function checkSampleFile(file: InputFile, ctx: PayloadContext, findings: Findings): number {
  const doc = JsonDocument.parse(file);
  if (!isObject(doc.value)) {
    throw new ConformanceInputError(file.name, say(M.sampleFileShape, { kinds: RECORD_KIND_KEYS.join(", ") }), doc.locate([]));
  }
  const checker = new PayloadChecker(ctx, findings);
  let records = 0;
  for (const [key, value] of Object.entries(doc.value)) {
    const at: At = { doc, path: [key] };
    if (!Array.isArray(value) && RECORD_KIND_KEYS.includes(key)) {
      add(findings, at, "DATA_TYPE", say(M.mustBeListOfRecords, { key }), {
        found: Array.isArray(value) ? say(M.aList) : value === null ? "null" : typeof value,
        expected: say(M.expArray),
      });
      continue;
    }
    const items = Array.isArray(value) ? value.map((v, i) => [v, child(at, i)] as const) : [[value, at] as const];
    if (key === DOSSIER_KEY) {
      for (const [item, itemAt] of items) checker.dossier(itemAt, item);
      records += items.length;
      continue;
    }
    const kind = RECORD_KINDS.find((k) => k.key === key);
    if (!kind) {
      const near = ctx.suggestions ? suggestionList(key, RECORD_KIND_KEYS) : [];
      add(findings, at, "DATA_UNKNOWN_KIND", say(M.unknownKind, { key, hint: didYouMean(near) }), {
        found: key,
        expected: RECORD_KIND_KEYS.join(", "),
        fix: near[0] ? say(M.fixRenameTo, { name: near[0] }) : undefined,
      });
      continue;
    }
    for (const [item, itemAt] of items) {
      records++;
      const record =
        kind.key === "addresses"
          ? (checker.value(itemAt, item, { kind: "address" }), null)
          : checker.record(itemAt, item, kind.type, kind.fields);
      if (!record) continue;
      if (kind.key === "citizens") checker.citizen(itemAt, record);
      if (kind.key === "enterprises") checker.enterprise(itemAt, record);
      if (kind.key === "branches" && record.enterpriseCode !== undefined) checker.branchOf(itemAt, record, record.enterpriseCode);
      if (kind.key === "parcels") checker.parcel(itemAt, record);
    }
  }
  return records;
}

/** For sample variables: checks the values the national scalars cannot (codes on the 2025 map, dossiers). */
export function checkTypedValue(findings: Findings, ctx: PayloadContext, at: At, typeName: string, value: unknown): void {
  const checker = new PayloadChecker(ctx, findings);
  if (typeName === "AdministrativeUnitCode" && typeof value === "string") {
    checkAdminUnit(findings, at, value, value.length === 2 ? "PROVINCE" : "COMMUNE", ctx.adminUnits);
  } else if (typeName === "DossierInput") {
    checker.dossier(at, value);
  }
}
