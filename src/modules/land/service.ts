/** Parcel lists: keyset pages over the land source with filters. */
import { and, count, eq, exists, isNull, not } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import type { AdminUnitRegistry } from "../admin-units/index.js";
import { InvalidInputError } from "../../platform/errors.js";
import { say } from "../../platform/i18n.js";
import { LAND_MESSAGES } from "./messages.js";
import { checkCommuneFilter, checkProvinceFilter } from "../admin-units/index.js";
import { landUsePurposeCodes } from "../../shared/code-lists.js";
import { type CursorCodec, paginate } from "../../shared/pagination.js";
import { boundConditions, type FilterTerm, fixedTerm, keysetFetch, term } from "../../shared/prepared.js";
import type { LandParcelFilter } from "./inputs.js";
import { encumbrances, parcels } from "./tables.js";
import { type LandParcel, toParcel } from "./types.js";

function parcelTerms(db: Database, registry: AdminUnitRegistry, filter: LandParcelFilter | undefined): FilterTerm[] {
  if (!filter) return [];
  checkCommuneFilter(registry, filter.communeCode);
  checkProvinceFilter(registry, filter.provinceCode);
  const conditions: FilterTerm[] = [];
  if (filter.landUsePurpose) {
    const code = filter.landUsePurpose.toUpperCase();
    if (!landUsePurposeCodes().includes(code)) {
      throw new InvalidInputError(
        "INVALID_ARGUMENT",
        say(LAND_MESSAGES.unknownLandUsePurpose, { purpose: filter.landUsePurpose, codes: landUsePurposeCodes().join(", ") }),
      );
    }
    conditions.push(term("purpose", code, (v) => eq(parcels.landUsePurpose, v)));
  }
  if (filter.communeCode) conditions.push(term("commune", filter.communeCode, (v) => eq(parcels.communeCode, v)));
  if (filter.provinceCode) conditions.push(term("province", filter.provinceCode, (v) => eq(parcels.provinceCode, v)));
  if (filter.mortgaged !== undefined && filter.mortgaged !== null) {
    const open = exists(
      db
        .select({ one: encumbrances.id })
        .from(encumbrances)
        .where(and(eq(encumbrances.parcelId, parcels.id), isNull(encumbrances.releasedOn))),
    );
    conditions.push(filter.mortgaged ? fixedTerm("mortgaged", open) : fixedTerm("unmortgaged", not(open)));
  }
  return conditions;
}

export function listParcels(
  db: Database,
  registry: AdminUnitRegistry,
  args: { cursors: CursorCodec; first?: number | null; after?: string | null; filter?: LandParcelFilter },
) {
  const terms = parcelTerms(db, registry, args.filter);
  return paginate<typeof parcels.$inferSelect, LandParcel>({
    cursors: args.cursors,
    kind: "parcel",
    first: args.first,
    after: args.after,
    keyOf: (row) => row.id,
    toNode: toParcel,
    fetch: keysetFetch(db, "land.parcels", parcels.id, terms, () => db.select().from(parcels)),
    count: async () =>
      (
        await db
          .select({ n: count() })
          .from(parcels)
          .where(and(...boundConditions(terms)))
      )[0].n,
  });
}
