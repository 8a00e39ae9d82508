/** Per-request DataLoaders over the population source: one `= ANY($1)` statement per batch. */
import { asc, desc, eq, getTableColumns, or } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { anyKey, batchQuery, groupLoader, rowLoader } from "../../shared/loaders.js";
import { citizens, householdMembers, households, identityCards } from "./tables.js";

export function createPopulationLoaders(db: Database) {
  const citizen = rowLoader(
    batchQuery(db, "population.citizen", () => db.select().from(citizens).where(anyKey(citizens.personalId))),
    (row) => row.personalId,
  );
  const childrenQuery = batchQuery(db, "population.children", () =>
    db
      .select()
      .from(citizens)
      .where(or(anyKey(citizens.fatherId), anyKey(citizens.motherId)))
      .orderBy(asc(citizens.dateOfBirth)),
  );
  const childrenOf = groupLoader(
    async (ids: readonly string[]) => {
      const rows = await childrenQuery(ids);
      for (const row of rows) citizen.prime(row.personalId, row);
      const wanted = new Set(ids);
      return rows.flatMap((row) =>
        [row.fatherId, row.motherId]
          .filter((parent): parent is string => !!parent && wanted.has(parent))
          .map((parent) => ({ parent, row })),
      );
    },
    (entry) => entry.parent,
  );
  const membersQuery = batchQuery(db, "population.householdMembers", () =>
    db
      .select({ member: getTableColumns(householdMembers), citizen: getTableColumns(citizens) })
      .from(householdMembers)
      .leftJoin(citizens, eq(citizens.personalId, householdMembers.personalId))
      .where(anyKey(householdMembers.householdId))
      .orderBy(asc(householdMembers.personalId)),
  );
  return {
    citizen,
    household: rowLoader(
      batchQuery(db, "population.household", () => db.select().from(households).where(anyKey(households.id))),
      (row) => row.id,
    ),
    /** Members with their citizen rows in the same statement (primed into `citizen`): a member is almost always shown by name. */
    householdMembers: groupLoader(
      async (ids: readonly string[]) => {
        const rows = await membersQuery(ids);
        for (const { citizen: row } of rows) if (row) citizen.prime(row.personalId, row);
        return rows.map((row) => row.member);
      },
      (row) => row.householdId,
    ),
    identityCards: groupLoader(
      batchQuery(db, "population.identityCards", () =>
        db.select().from(identityCards).where(anyKey(identityCards.personalId)).orderBy(desc(identityCards.issuedOn)),
      ),
      (row) => row.personalId,
    ),
    /** Children by either parent's id; a child appears under both parents. */
    children: { load: async (parentId: string) => (await childrenOf.load(parentId)).map((entry) => entry.row) },
  };
}

export type PopulationLoaders = ReturnType<typeof createPopulationLoaders>;
