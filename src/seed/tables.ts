/**
 * The tables the generator fills, their COPY column lists (matching src/modules/<source>/tables.ts), and the
 * per-table CSV buffers rows are appended to. Serial ids are written explicitly so the same seed gives the same
 * ids however the chunks are scheduled; the sequences are moved past them after loading.
 */
import type { DataSourceName } from "../platform/config.js";

export interface TableSpec {
  source: DataSourceName;
  table: string;
  columns: readonly string[];
  /** Column filled from a sequence in normal use; set past the loaded maximum after COPY. */
  serial?: string;
}

export const SEED_TABLES = {
  citizens: {
    source: "population",
    table: "population.citizens",
    columns: [
      "personal_id",
      "full_name",
      "search_name",
      "sex",
      "date_of_birth",
      "date_of_death",
      "ethnicity_code",
      "religion",
      "nationality",
      "birth_registration_commune_code",
      "birth_registration_legacy_commune_code",
      "hometown_commune_code",
      "hometown_legacy_commune_code",
      "permanent_commune_code",
      "permanent_legacy_commune_code",
      "permanent_province_code",
      "permanent_address_line",
      "temporary_commune_code",
      "temporary_address_line",
      "current_commune_code",
      "current_address_line",
      "marital_status",
      "father_id",
      "mother_id",
      "spouse_id",
      "household_id",
      "updated_at",
    ],
  },
  households: {
    source: "population",
    table: "population.households",
    columns: ["id", "head_personal_id", "commune_code", "legacy_commune_code", "address_line", "registered_on", "updated_at"],
  },
  householdMembers: {
    source: "population",
    table: "population.household_members",
    columns: ["household_id", "personal_id", "relation_to_head"],
  },
  identityCards: {
    source: "population",
    table: "population.identity_cards",
    columns: ["id", "personal_id", "card_type", "number", "issued_on", "expires_on", "issuing_authority", "status", "updated_at"],
    serial: "id",
  },
  parcels: {
    source: "land",
    table: "land.parcels",
    columns: [
      "id",
      "commune_code",
      "province_code",
      "map_sheet_number",
      "parcel_number",
      "area_m2",
      "land_use_purpose",
      "use_term_until",
      "address_line",
      "updated_at",
    ],
  },
  certificates: {
    source: "land",
    table: "land.certificates",
    columns: ["serial", "parcel_id", "issued_on", "issuing_authority", "status", "updated_at"],
  },
  holders: {
    source: "land",
    table: "land.holders",
    columns: ["id", "certificate_serial", "kind", "personal_id", "enterprise_code", "share_percent"],
    serial: "id",
  },
  encumbrances: {
    source: "land",
    table: "land.encumbrances",
    columns: [
      "id",
      "parcel_id",
      "certificate_serial",
      "lender_name",
      "lender_enterprise_code",
      "secured_amount",
      "registered_on",
      "released_on",
    ],
    serial: "id",
  },
  transfers: {
    source: "land",
    table: "land.transfers",
    columns: ["id", "parcel_id", "kind", "from_certificate_serial", "to_certificate_serial", "registered_on"],
    serial: "id",
  },
  enterprises: {
    source: "business",
    table: "business.enterprises",
    columns: [
      "code",
      "name",
      "search_name",
      "foreign_name",
      "short_name",
      "legal_form",
      "status",
      "status_changed_on",
      "registered_on",
      "head_office_commune_code",
      "head_office_province_code",
      "head_office_address_line",
      "charter_capital",
      "main_industry_code",
      "updated_at",
    ],
  },
  enterpriseIndustries: {
    source: "business",
    table: "business.enterprise_industries",
    columns: ["enterprise_code", "industry_code", "is_main"],
  },
  enterprisePeople: {
    source: "business",
    table: "business.enterprise_people",
    columns: ["enterprise_code", "personal_id", "role", "position", "share_percent"],
  },
  branches: {
    source: "business",
    table: "business.branches",
    columns: ["code", "enterprise_code", "name", "commune_code", "address_line", "status", "registered_on"],
  },
  householdBusinesses: {
    source: "business",
    table: "business.household_businesses",
    columns: [
      "registration_number",
      "name",
      "owner_personal_id",
      "commune_code",
      "address_line",
      "business_line",
      "industry_code",
      "capital",
      "status",
      "registered_on",
      "updated_at",
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type SeedTable = keyof typeof SEED_TABLES;
export const SEED_TABLE_KEYS = Object.keys(SEED_TABLES) as SeedTable[];

/**
 * CSV bytes accumulated for one table until they are handed to COPY. Lines are copied into a growing Buffer
 * every ~32K characters: the line strings die young, and no long rope of strings survives into the old
 * generation (with `text += line` over a whole chunk the garbage collector took over half the generation time).
 * Lines must already be UTF-8 bytes held one per char (text values through csv.ts `field`).
 */
/** Any character above U+00FF means a text value skipped `utf8Bytes` (it would be truncated by latin1). */
// eslint-disable-next-line no-control-regex -- a range from NUL: everything outside one byte
const WIDE = /[^\x00-\xff]/;

export class TableBuffer {
  private data: Buffer;
  private length = 0;
  /** Lines not yet encoded: a short string, flushed every ~32K characters (one native write per flush). */
  private pending = "";
  rows = 0;
  total = 0;

  constructor(
    readonly key: SeedTable,
    private readonly initialBytes = 1 << 20,
  ) {
    this.data = Buffer.allocUnsafe(initialBytes);
  }

  /** Appends one CSV line (with its trailing newline). */
  add(csvLine: string): void {
    this.pending += csvLine;
    this.rows++;
    this.total++;
    if (this.pending.length > 32_768) this.encodePending();
  }

  private encodePending(): void {
    const text = this.pending;
    this.pending = "";
    if (this.length + text.length > this.data.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.length + text.length));
      this.data.copy(grown, 0, 0, this.length);
      this.data = grown;
    }
    if (WIDE.test(text)) throw new Error(`seed: a ${this.key} value was not converted with utf8Bytes/field before buffering`);
    // Lines are already UTF-8 bytes, one char per byte (csv.ts utf8Bytes): latin1 copies them unchanged.
    this.length += this.data.write(text, this.length, "latin1");
  }

  /** The bytes accumulated since the last take, and their row count; the buffer starts over. */
  take(): { data: Buffer; rows: number } {
    this.encodePending();
    const chunk = { data: this.data.subarray(0, this.length), rows: this.rows };
    this.data = Buffer.allocUnsafe(Math.max(this.initialBytes, this.length + (this.length >> 3)));
    this.length = 0;
    this.rows = 0;
    return chunk;
  }
}

export type Buffers = Record<SeedTable, TableBuffer>;

export function createBuffers(): Buffers {
  return Object.fromEntries(SEED_TABLE_KEYS.map((k) => [k, new TableBuffer(k)])) as Buffers;
}
