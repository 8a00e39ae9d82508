/** Parcel lists: keyset pages over the land source with filters. */
import { and, asc, count, eq, exists, gt, isNull, not, type SQL } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { LAND_MESSAGES } from "./messages.js";
import { checkCommuneFilter, checkProvinceFilter } from "../admin-units/index.js";
import { landUsePurposeCodes } from "../../shared/code-lists.js";
import { type CursorCodec, paginate } from "../../shared/pagination.js";
import type { LandParcelFilter } from "./inputs.js";
import { encumbrances, parcels } from "./tables.js";
import { type LandParcel, toParcel } from "./types.js";

function parcelConditions(db: Database, registry: AdminUnitRegistry, filter: LandParcelFilter | undefined): SQL[] {
  if (!filter) return [];
  checkCommuneFilter(registry, filter.communeCode);
  checkProvinceFilter(registry, filter.provinceCode);
  const conditions: SQL[] = [];
  if (filter.landUsePurpose) {
    const code = filter.landUsePurpose.toUpperCase();
    if (!landUsePurposeCodes().includes(code)) {
      throw new InvalidInputError(
        "INVALID_ARGUMENT",
        say(LAND_MESSAGES.unknownLandUsePurpose, { purpose: filter.landUsePurpose, codes: landUsePurposeCodes().join(", ") }),
      );
    }
    conditions.push(eq(parcels.landUsePurpose, code));
  }
  if (filter.communeCode) conditions.push(eq(parcels.communeCode, filter.communeCode));
  if (filter.provinceCode) conditions.push(eq(parcels.provinceCode, filter.provinceCode));
  if (filter.mortgaged !== undefined && filter.mortgaged !== null) {
    const open = exists(
      db
        .select({ one: encumbrances.id })
        .from(encumbrances)
        .where(and(eq(encumbrances.parcelId, parcels.id), isNull(encumbrances.releasedOn))),
    );
    conditions.push(filter.mortgaged ? open : not(open));
  }
  return conditions;
}

export function listParcels(
  db: Database,
  registry: AdminUnitRegistry,
  args: { cursors: CursorCodec; first?: number | null; after?: string | null; filter?: LandParcelFilter },
) {
  const conditions = parcelConditions(db, registry, args.filter);
  return paginate<typeof parcels.$inferSelect, LandParcel>({
    cursors: args.cursors,
    kind: "parcel",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.id,
    toNode: toParcel,
    fetch: (afterKey, limit) =>
      db
        .select()
        .from(parcels)
        .where(and(...conditions, afterKey ? gt(parcels.id, afterKey) : undefined))
        .orderBy(asc(parcels.id))
        .limit(limit),
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(parcels)
          .where(and(...conditions))
      )[0].n,
  });
}
