/** Per-request DataLoaders over the population source: one `= ANY($1)` statement per batch. */
import { asc, desc, or } from "drizzle-orm";
import type { Database } from "../../db/source.js";
import { anyKey, anyOf, batchQuery, groupLoader, rowLoader } from "../../shared/loaders.js";
import { citizens, householdMembers, households, identityCards } from "./tables.js";

export function createPopulationLoaders(db: Database) {
  const citizen = rowLoader(
    batchQuery(db, "population.citizens.personalId:1", () => db.select().from(citizens).where(anyKey(citizens.personalId))),
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
      batchQuery(db, "population.households.id:2", () => db.select().from(households).where(anyKey(households.id))),
      (row) => row.id,
    ),
    householdMembers: groupLoader(
      batchQuery(db, "population.householdMembers.householdId:3", () =>
        db.select().from(householdMembers).where(anyKey(householdMembers.householdId)).orderBy(asc(householdMembers.personalId)),
      ),
      (row) => row.householdId,
    ),
    identityCards: groupLoader(
      batchQuery(db, "population.identityCards.personalId:4", () =>
        db.select().from(identityCards).where(anyKey(identityCards.personalId)).orderBy(desc(identityCards.issuedOn)),
      ),
      (row) => row.personalId,
    ),
    /** Children by either parent's id; a child appears under both parents. */
    children: { load: async (parentId: string) => (await childrenOf.load(parentId)).map((entry) => entry.row) },
  };
}

export type PopulationLoaders = ReturnType<typeof createPopulationLoaders>;
