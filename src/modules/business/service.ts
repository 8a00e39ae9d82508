/** Enterprise lists: keyset pages over the business source with filters. */
import { and, count, eq, like } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { foldName } from "../../shared/codes.js";
import { InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { BUSINESS_MESSAGES } from "./messages.js";
import { searchPattern } from "../../shared/filters.js";
import { checkCommuneFilter, checkProvinceFilter } from "../admin-units/index.js";
import { type CursorCodec, paginate } from "../../shared/pagination.js";
import { boundConditions, type FilterTerm, keysetFetch, term } from "../../shared/prepared.js";
import type { EnterpriseFilter } from "./inputs.js";
import { enterprises } from "./tables.js";
import { type Enterprise, toEnterprise } from "./types.js";

function enterpriseTerms(registry: AdminUnitRegistry, filter: EnterpriseFilter | undefined): FilterTerm[] {
  if (!filter) return [];
  checkCommuneFilter(registry, filter.communeCode);
  checkProvinceFilter(registry, filter.provinceCode);
  if (filter.industryCode !== undefined && filter.industryCode !== null && !/^\d{4}$/.test(filter.industryCode)) {
    throw new InvalidInputError(
      "INVALID_ARGUMENT",
      say(BUSINESS_MESSAGES.industryCodeShape, { value: JSON.stringify(filter.industryCode) }),
    );
  }
  const conditions: FilterTerm[] = [];
  if (filter.status) conditions.push(term("status", filter.status, (v) => eq(enterprises.status, v)));
  if (filter.legalForm) conditions.push(term("legalForm", filter.legalForm, (v) => eq(enterprises.legalForm, v)));
  if (filter.communeCode) conditions.push(term("commune", filter.communeCode, (v) => eq(enterprises.headOfficeCommuneCode, v)));
  if (filter.provinceCode) conditions.push(term("province", filter.provinceCode, (v) => eq(enterprises.headOfficeProvinceCode, v)));
  if (filter.industryCode) conditions.push(term("industry", filter.industryCode, (v) => eq(enterprises.mainIndustryCode, v)));
  const pattern = searchPattern(filter.name, foldName);
  if (pattern) conditions.push(term("name", pattern, (v) => like(enterprises.searchName, v)));
  return conditions;
}

export function listEnterprises(
  db: Database,
  registry: AdminUnitRegistry,
  args: { cursors: CursorCodec; first?: number | null; after?: string | null; filter?: EnterpriseFilter },
) {
  const terms = enterpriseTerms(registry, args.filter);
  return paginate<typeof enterprises.$inferSelect, Enterprise>({
    cursors: args.cursors,
    kind: "enterprise",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.code,
    toNode: toEnterprise,
    fetch: keysetFetch(db, "business.enterprises", enterprises.code, terms, () => db.select().from(enterprises)),
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(enterprises)
          .where(and(...boundConditions(terms)))
      )[0].n,
  });
}
