/** Per-request DataLoaders over the population source: one `= ANY($1)` statement per batch. */
import { asc, desc, or } from "drizzle-orm";
import type { Database } from "../../db/source.js";
import { anyOf, groupLoader, rowLoader } from "../../shared/loaders.js";
import { citizens, householdMembers, households, identityCards } from "./tables.js";

export function createPopulationLoaders(db: Database) {
  const citizen = rowLoader(
    (ids: readonly string[]) => db.select().from(citizens).where(anyOf(citizens.personalId, ids)),
    (row) => row.personalId,
  );
  const childrenOf = groupLoader(
    async (ids: readonly string[]) => {
      const rows = await db
        .select()
        .from(citizens)
        .where(or(anyOf(citizens.fatherId, ids), anyOf(citizens.motherId, ids)))
        .orderBy(asc(citizens.dateOfBirth));
      for (const row of rows) citizen.prime(row.personalId, row);
      const wanted = new Set(ids);
      return rows.flatMap((row) =>
        [row.fatherId, row.motherId].filter((parent): parent is string => !!parent && wanted.has(parent)).map((parent) => ({ parent, row })),
      );
    },
    (entry) => entry.parent,
  );
  return {
    citizen,
    household: rowLoader(
      (ids: readonly string[]) => db.select().from(households).where(anyOf(households.id, ids)),
      (row) => row.id,
    ),
    householdMembers: groupLoader(
      (ids: readonly string[]) =>
        db.select().from(householdMembers).where(anyOf(householdMembers.householdId, ids)).orderBy(asc(householdMembers.personalId)),
      (row) => row.householdId,
    ),
    identityCards: groupLoader(
      (ids: readonly string[]) =>
        db.select().from(identityCards).where(anyOf(identityCards.personalId, ids)).orderBy(desc(identityCards.issuedOn)),
      (row) => row.personalId,
    ),
    /** Children by either parent's id; a child appears under both parents. */
    children: { load: async (parentId: string) => (await childrenOf.load(parentId)).map((entry) => entry.row) },
  };
}

export type PopulationLoaders = ReturnType<typeof createPopulationLoaders>;
