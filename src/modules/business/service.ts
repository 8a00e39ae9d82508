/** Enterprise lists: keyset pages over the business source with filters. */
import { and, asc, count, eq, gt, like, type SQL } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { foldName } from "../../shared/codes.js";
import { InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { BUSINESS_MESSAGES } from "./messages.js";
import { searchPattern } from "../../shared/filters.js";
import { checkCommuneFilter, checkProvinceFilter } from "../admin-units/index.js";
import { type CursorCodec, paginate } from "../../shared/pagination.js";
import type { EnterpriseFilter } from "./inputs.js";
import { enterprises } from "./tables.js";
import { type Enterprise, toEnterprise } from "./types.js";

function enterpriseConditions(registry: AdminUnitRegistry, filter: EnterpriseFilter | undefined): SQL[] {
  if (!filter) return [];
  checkCommuneFilter(registry, filter.communeCode);
  checkProvinceFilter(registry, filter.provinceCode);
  if (filter.industryCode !== undefined && filter.industryCode !== null && !/^\d{4}$/.test(filter.industryCode)) {
    throw new InvalidInputError(
      "INVALID_ARGUMENT",
      say(BUSINESS_MESSAGES.industryCodeShape, { value: JSON.stringify(filter.industryCode) }),
    );
  }
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(enterprises.status, filter.status));
  if (filter.legalForm) conditions.push(eq(enterprises.legalForm, filter.legalForm));
  if (filter.communeCode) conditions.push(eq(enterprises.headOfficeCommuneCode, filter.communeCode));
  if (filter.provinceCode) conditions.push(eq(enterprises.headOfficeProvinceCode, filter.provinceCode));
  if (filter.industryCode) conditions.push(eq(enterprises.mainIndustryCode, filter.industryCode));
  const pattern = searchPattern(filter.name, foldName);
  if (pattern) conditions.push(like(enterprises.searchName, pattern));
  return conditions;
}

export function listEnterprises(
  db: Database,
  registry: AdminUnitRegistry,
  args: { cursors: CursorCodec; first?: number | null; after?: string | null; filter?: EnterpriseFilter },
) {
  const conditions = enterpriseConditions(registry, args.filter);
  return paginate<typeof enterprises.$inferSelect, Enterprise>({
    cursors: args.cursors,
    kind: "enterprise",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.code,
    toNode: toEnterprise,
    fetch: (afterKey, limit) =>
      db
        .select()
        .from(enterprises)
        .where(and(...conditions, afterKey ? gt(enterprises.code, afterKey) : undefined))
        .orderBy(asc(enterprises.code))
        .limit(limit),
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(enterprises)
          .where(and(...conditions))
      )[0].n,
  });
}
