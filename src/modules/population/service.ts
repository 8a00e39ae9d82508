/** Citizen lists: keyset pages over the population source with filters. */
import { and, asc, count, eq, gte, isNotNull, isNull, like, lte, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { foldName } from "../../shared/codes.js";
import { GatewayError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { POPULATION_MESSAGES } from "./messages.js";
import { searchPattern } from "../../shared/filters.js";
import { checkCommuneFilter, checkProvinceFilter } from "../admin-units/index.js";
import { type CursorCodec, paginate } from "../../shared/pagination.js";
import { boundConditions, type FilterTerm, fixedTerm, keysetFetch, term } from "../../shared/prepared.js";
import { citizens } from "./tables.js";
import { type Citizen, toCitizen } from "./types.js";
import type { CitizenFilter } from "./inputs.js";
import { todayInVietnam } from "../../platform/dates.js";

/** The filter's conditions, each with its value apart: one prepared statement per set of filters given. */
export function citizenTerms(registry: AdminUnitRegistry, filter: CitizenFilter | undefined): FilterTerm[] {
  if (!filter) return [];
  checkCommuneFilter(registry, filter.communeCode);
  checkProvinceFilter(registry, filter.provinceCode);
  const conditions: FilterTerm[] = [];
  if (filter.communeCode) conditions.push(term("commune", filter.communeCode, (v) => eq(citizens.permanentCommuneCode, v)));
  if (filter.provinceCode) conditions.push(term("province", filter.provinceCode, (v) => eq(citizens.permanentProvinceCode, v)));
  if (filter.sex) conditions.push(term("sex", filter.sex, (v) => eq(citizens.sex, v)));
  if (filter.alive === true) conditions.push(fixedTerm("alive", isNull(citizens.dateOfDeath)));
  if (filter.alive === false) conditions.push(fixedTerm("dead", isNotNull(citizens.dateOfDeath)));
  for (const [name, value] of [
    ["bornFrom", filter.bornFrom],
    ["bornTo", filter.bornTo],
  ] as const) {
    // Postgres dates start at 4713 BC but the year 0000 does not exist; the registers start long after 1800.
    const year = value ? Number(value.slice(0, 4)) : undefined;
    if (year !== undefined && (year < 1800 || year > 2200)) {
      throw new GatewayError("INVALID_ARGUMENT", say(POPULATION_MESSAGES.birthYearOutOfRange, { name, value }), {
        argument: `filter.${name}`,
      });
    }
  }
  if (filter.bornFrom) conditions.push(term("bornFrom", filter.bornFrom, (v) => gte(citizens.dateOfBirth, v)));
  if (filter.bornTo) conditions.push(term("bornTo", filter.bornTo, (v) => lte(citizens.dateOfBirth, v)));
  const pattern = searchPattern(filter.name, foldName);
  if (pattern) conditions.push(term("name", pattern, (v) => like(citizens.searchName, v)));
  return conditions;
}

export function listCitizens(
  db: Database,
  registry: AdminUnitRegistry,
  args: { cursors: CursorCodec; first?: number | null; after?: string | null; filter?: CitizenFilter },
) {
  const terms = citizenTerms(registry, args.filter);
  return paginate<typeof citizens.$inferSelect, Citizen>({
    cursors: args.cursors,
    kind: "citizen",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.personalId,
    toNode: toCitizen,
    fetch: keysetFetch(db, "population.citizens", citizens.personalId, terms, () => db.select().from(citizens)),
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(citizens)
          .where(and(...boundConditions(terms)))
      )[0].n,
  });
}

/**
 * The person the demo citizen client stands for: the first living adult of at least 30 in a household, by personal
 * id, so it exists on any seed and has relatives, parcels and roles to show.
 */
export async function demoCitizenOf(db: Database, today: string = todayInVietnam()): Promise<string | null> {
  const [row] = await db
    .select({ personalId: citizens.personalId })
    .from(citizens)
    .where(
      and(
        isNull(citizens.dateOfDeath),
        lte(citizens.dateOfBirth, sql`${today}::date - interval '30 years'`),
        isNotNull(citizens.householdId),
      ),
    )
    .orderBy(asc(citizens.personalId))
    .limit(1);
  return row?.personalId ?? null;
}
