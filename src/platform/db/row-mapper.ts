/**
 * Rows as drizzle returns them, mapped without drizzle's general mapper: drizzle maps every value of every row by
 * asking what its field is (`is(field, Column)`, then SQL, Subquery, alias: a walk up the prototype chain for all
 * but a column) and walking the field's path, which was a twentieth of a filtered list's CPU in the gateway and
 * much of its garbage. The question is the same for every row of a statement: here it is asked once, when the
 * statement first runs, and each row is one loop over the values with their decoders. Only flat selections (every
 * path one key) are mapped here; everything else keeps drizzle's own mapping. A join does not matter to a flat
 * selection: drizzle reads its joins' nullability only to set a joined table's nested object to null when all of
 * its columns are (a path of two keys), and every select from a table carries that map, joined or not.
 */
import { Column, is, SQL, Subquery } from "drizzle-orm";

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

interface OrderedField {
  path: string[];
  field: unknown;
}

/** What drizzle's prepared queries carry that the mapping reads (drizzle-orm/pg-core/session). */
export interface MappedQuery {
  fields?: OrderedField[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/** The decoder drizzle's mapResultRow would pick for a field (drizzle-orm/utils.js). */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: { decoder: Decoder } } })._.sql.decoder;
  return (field as { sql: { decoder: Decoder } }).sql.decoder;
}

/** A mapper of array rows to objects for a flat selection; undefined when the selection is not flat. */
export function flatRowMapper(fields: readonly OrderedField[]): ((rows: unknown[][]) => Record<string, unknown>[]) | undefined {
  if (fields.length === 0 || fields.some((f) => f.path.length !== 1)) return undefined;
  const keys = fields.map((f) => f.path[0]);
  const decoders = fields.map((f) => decoderOf(f.field));
  const n = keys.length;
  return (rows) => {
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const object: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const value = row[i];
        object[keys[i]] = value === null ? null : decoders[i].mapFromDriverValue(value);
      }
      out[r] = object;
    }
    return out;
  };
}

/**
 * Gives a prepared query the flat mapper, once, as drizzle prepares it: when it selects fields, flatly, and has no
 * mapper of its own (relational queries bring theirs). Both are the prepared query's from its constructor; the
 * joins' map drizzle sets after it does not matter to a flat selection.
 */
export function useFlatRowMapper(query: MappedQuery): void {
  if (!query.fields || query.customResultMapper) return;
  const mapper = flatRowMapper(query.fields);
  if (mapper) query.customResultMapper = mapper;
}
