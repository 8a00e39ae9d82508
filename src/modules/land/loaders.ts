/** Per-request DataLoaders over the land source. Joins stay inside this source; other sources are keyed by id. */
import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { anyKey, batchQuery, groupLoader, pairedGroupLoaders, rowLoader } from "../../shared/loaders.js";
import { certificates, encumbrances, holders, parcels, transfers } from "./tables.js";

/** In the statement's text, not a parameter: on the lookups' generic plans a parameter is costed as any status. */
const ACTIVE = sql`'ACTIVE'`;

export function createLandLoaders(db: Database) {
  const parcel = rowLoader(
    batchQuery(db, "land.parcel", () => db.select().from(parcels).where(anyKey(parcels.id))),
    (row) => row.id,
  );
  const certificate = rowLoader(
    batchQuery(db, "land.certificate", () => db.select().from(certificates).where(anyKey(certificates.serial))),
    (row) => row.serial,
  );

  const holdingsQuery = (column: typeof holders.personalId | typeof holders.enterpriseCode) =>
    batchQuery(db, `land.holdings.${column.name}`, () =>
      db
        .select({ holder: getTableColumns(holders), parcel: getTableColumns(parcels) })
        .from(holders)
        .innerJoin(certificates, and(eq(certificates.serial, holders.certificateSerial), eq(certificates.status, ACTIVE)))
        .innerJoin(parcels, eq(parcels.id, certificates.parcelId))
        .where(anyKey(column))
        .orderBy(asc(parcels.id)),
    );
  /** Parcels held under active certificates, with the parcel row (primed into `parcel`). */
  const holdings = (column: typeof holders.personalId | typeof holders.enterpriseCode) => {
    const query = holdingsQuery(column);
    return groupLoader(
      async (keys: readonly string[]) => {
        const rows = await query(keys);
        for (const row of rows) parcel.prime(row.parcel.id, row.parcel);
        return rows;
      },
      (row) => (column === holders.personalId ? row.holder.personalId! : row.holder.enterpriseCode!),
    );
  };

  // A parcel's certificates and encumbrances, asked together by a parcel's fields: one statement when both are.
  const [certificatesOfParcel, encumbrancesOfParcel] = pairedGroupLoaders(
    db,
    "land.recordsOfParcel",
    { table: certificates, key: certificates.parcelId, newestFirst: certificates.issuedOn },
    { table: encumbrances, key: encumbrances.parcelId, newestFirst: encumbrances.registeredOn },
  );

  return {
    parcel,
    certificate,
    certificatesOfParcel,
    holdersOfCertificate: groupLoader(
      batchQuery(db, "land.holdersOfCertificate", () =>
        db.select().from(holders).where(anyKey(holders.certificateSerial)).orderBy(asc(holders.id)),
      ),
      (row) => row.certificateSerial,
    ),
    /** Current holders of a parcel: those named on its active certificate(s). */
    holdersOfParcel: groupLoader(
      batchQuery(db, "land.holdersOfParcel", () =>
        db
          .select({ ...getTableColumns(holders), parcelId: certificates.parcelId })
          .from(holders)
          .innerJoin(certificates, and(eq(certificates.serial, holders.certificateSerial), eq(certificates.status, ACTIVE)))
          .where(anyKey(certificates.parcelId))
          .orderBy(asc(holders.id)),
      ),
      (row) => row.parcelId,
    ),
    encumbrancesOfParcel,
    transfersOfParcel: groupLoader(
      batchQuery(db, "land.transfersOfParcel", () =>
        db.select().from(transfers).where(anyKey(transfers.parcelId)).orderBy(desc(transfers.registeredOn)),
      ),
      (row) => row.parcelId,
    ),
    holdingsOfCitizen: holdings(holders.personalId),
    holdingsOfEnterprise: holdings(holders.enterpriseCode),
  };
}

export type LandLoaders = ReturnType<typeof createLandLoaders>;
