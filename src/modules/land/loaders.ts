/** Per-request DataLoaders over the land source. Joins stay inside this source; other sources are keyed by id. */
import { and, asc, desc, eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../db/source.js";
import { anyOf, groupLoader, rowLoader } from "../../shared/loaders.js";
import { certificates, encumbrances, holders, parcels, transfers } from "./tables.js";

export function createLandLoaders(db: Database) {
  const parcel = rowLoader(
    (ids: readonly string[]) => db.select().from(parcels).where(anyOf(parcels.id, ids)),
    (row) => row.id,
  );
  const certificate = rowLoader(
    (serials: readonly string[]) => db.select().from(certificates).where(anyOf(certificates.serial, serials)),
    (row) => row.serial,
  );

  /** Parcels held under active certificates, with the parcel row (primed into `parcel`). */
  const holdings = (column: typeof holders.personalId | typeof holders.enterpriseCode) =>
    groupLoader(
      async (keys: readonly string[]) => {
        const rows = await db
          .select({ holder: getTableColumns(holders), parcel: getTableColumns(parcels) })
          .from(holders)
          .innerJoin(certificates, and(eq(certificates.serial, holders.certificateSerial), eq(certificates.status, "ACTIVE")))
          .innerJoin(parcels, eq(parcels.id, certificates.parcelId))
          .where(anyOf(column, keys))
          .orderBy(asc(parcels.id));
        for (const row of rows) parcel.prime(row.parcel.id, row.parcel);
        return rows;
      },
      (row) => (column === holders.personalId ? row.holder.personalId! : row.holder.enterpriseCode!),
    );

  return {
    parcel,
    certificate,
    certificatesOfParcel: groupLoader(
      (ids: readonly string[]) => db.select().from(certificates).where(anyOf(certificates.parcelId, ids)).orderBy(desc(certificates.issuedOn)),
      (row) => row.parcelId,
    ),
    holdersOfCertificate: groupLoader(
      (serials: readonly string[]) => db.select().from(holders).where(anyOf(holders.certificateSerial, serials)).orderBy(asc(holders.id)),
      (row) => row.certificateSerial,
    ),
    /** Current holders of a parcel: those named on its active certificate(s). */
    holdersOfParcel: groupLoader(
      (ids: readonly string[]) =>
        db
          .select({ ...getTableColumns(holders), parcelId: certificates.parcelId })
          .from(holders)
          .innerJoin(certificates, and(eq(certificates.serial, holders.certificateSerial), eq(certificates.status, "ACTIVE")))
          .where(anyOf(certificates.parcelId, ids))
          .orderBy(asc(holders.id)),
      (row) => row.parcelId,
    ),
    encumbrancesOfParcel: groupLoader(
      (ids: readonly string[]) => db.select().from(encumbrances).where(anyOf(encumbrances.parcelId, ids)).orderBy(desc(encumbrances.registeredOn)),
      (row) => row.parcelId,
    ),
    transfersOfParcel: groupLoader(
      (ids: readonly string[]) => db.select().from(transfers).where(anyOf(transfers.parcelId, ids)).orderBy(desc(transfers.registeredOn)),
      (row) => row.parcelId,
    ),
    holdingsOfCitizen: holdings(holders.personalId),
    holdingsOfEnterprise: holdings(holders.enterpriseCode),
  };
}

export type LandLoaders = ReturnType<typeof createLandLoaders>;
