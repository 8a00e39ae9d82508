/**
 * The command line of `npm run clients`, read and checked whole before the database is opened: a mistake is one
 * `error: …` line and exit 2, never a failed statement (whose text carries the new key's hash).
 */
import { parseArgs } from "node:util";
import {
  ANY_PROCEDURE,
  CITIZEN_CLIENT_ID,
  CLIENT_ROLES,
  type ClientRole,
  type Grant,
  MAX_RATE_LIMIT_PER_MINUTE,
  type RegisterClient,
  ORGANIZATION_CLIENT_ID,
  organizationClientIdProblem,
  SYSTEM_CLIENT_ID,
  validateGrant,
  validateRateLimit,
  validateRoles,
} from "../../src/modules/access/clients.js";
import type { DataClass, DataSourceName } from "../../src/modules/access/directive.js";
import { GatewayError } from "../../src/platform/errors.js";

export const CLIENTS_USAGE = `Usage: npm run clients -- <command>

  list
  add <id> --name <name> [--citizen <personal id>] [--expires <YYYY-MM-DD | ISO date-time>]
           [--rate-limit <requests a minute>] [--grant <sources>/<classes>/<procedures>] ...
           [--trusted-documents-only] [--role <role>] ...
  update <id> --trusted-documents-only | --no-trusted-documents-only
  grant <id> --grant <sources>/<classes>/<procedures> ...
  roles <id> [--role <role>] ...          sets the client's roles (none given: removes them)
  revoke <id>
  rotate-key <id>
  remove-demo

  <id>          VN:GOV:<agency code>:<system>, VN:CIT:<12-digit personal id> with --citizen, or
                VN:ORG:<tax code>:<system> for a private-sector organisation (it reads a citizen's data only
                under that citizen's consent: requestConsent)
  --expires     a future date (YYYY-MM-DD means 00:00 UTC that day) or date-time with its offset
  --rate-limit  1 to ${MAX_RATE_LIMIT_PER_MINUTE.toLocaleString("en")}; omitted: the gateway's GATEWAY_RATE_LIMIT
  --grant       e.g. population,land/basic/1.001193,1.000894 or business/basic,sensitive/*
                sources: population, land, business; classes: basic, sensitive;
                procedures: codes of the catalogue (seeds/procedures/catalogue.json), or *
  --trusted-documents-only
                the client runs only trusted documents (published with \`ndaf-gateway documents publish\`,
                sent as documentId); query text is refused with TRUSTED_DOCUMENTS_ONLY
  --role        agency systems only: ${CLIENT_ROLES.join(", ")}
                (owner:<source> answers that source's data-correction requests; oversight reads every
                client's operational records)

Exit status: 0 done, 2 the command is wrong (nothing was changed), 1 the database failed.`;

/** A mistake in the command: said in one line, exit 2, nothing touched. */
export class UsageError extends Error {}

export type ClientCommand =
  | { command: "help" }
  | { command: "list" }
  | { command: "add"; client: RegisterClient }
  | { command: "update"; id: string; trustedDocumentsOnly: boolean }
  | { command: "grant"; id: string; grants: Grant[] }
  | { command: "roles"; id: string; roles: ClientRole[] }
  | { command: "revoke"; id: string }
  | { command: "rotate-key"; id: string }
  | { command: "remove-demo" };

type Option = "name" | "citizen" | "expires" | "rate-limit" | "grant" | "trusted-documents-only" | "no-trusted-documents-only" | "role";
const OPTIONS_OF: Record<Exclude<ClientCommand["command"], "help">, readonly Option[]> = {
  list: [],
  add: ["name", "citizen", "expires", "rate-limit", "grant", "trusted-documents-only", "role"],
  update: ["trusted-documents-only", "no-trusted-documents-only"],
  grant: ["grant"],
  roles: ["role"],
  revoke: [],
  "rotate-key": [],
  "remove-demo": [],
};
const COMMANDS = Object.keys(OPTIONS_OF);

/** What the command checks procedure codes against: the procedure catalogue. */
export interface KnownProcedures {
  has(code: string): boolean;
}

const PERSONAL_ID = /^\d{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A real calendar day (Date would turn 2026-02-30 into 2 March). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parseExpiry(text: string, now: Date): Date {
  const dateOnly = DATE.exec(text);
  const match = dateOnly ?? DATE_TIME.exec(text);
  const at =
    match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? new Date(dateOnly ? `${text}T00:00:00Z` : text) : null;
  if (!at || Number.isNaN(at.getTime())) {
    throw new UsageError(
      `--expires "${text}" is not a date: write YYYY-MM-DD (00:00 UTC that day) or a date-time with its offset, e.g. 2027-06-30T17:00:00+07:00`,
    );
  }
  if (at.getTime() <= now.getTime())
    throw new UsageError(`--expires ${text} is not in the future (now ${now.toISOString()}): a new key must not be born expired`);
  return at;
}

export function parseRateLimit(text: string): number {
  try {
    // Digits only: Number() would also take "1e3", "0x10" and " 5 ".
    return validateRateLimit(/^\d{1,10}$/.test(text) ? Number(text) : Number.NaN)!;
  } catch {
    throw new UsageError(
      `--rate-limit "${text}" must be a whole number of requests a minute from 1 to ${MAX_RATE_LIMIT_PER_MINUTE}; leave it out for the gateway's default`,
    );
  }
}

function parseRoles(roles: string[], kind: "SYSTEM" | "CITIZEN" | "ORGANIZATION"): ClientRole[] {
  try {
    return validateRoles(kind, roles);
  } catch (error) {
    throw new UsageError(`--role: ${(error as Error).message}`);
  }
}

export function parseGrant(text: string, procedures: KnownProcedures): Grant {
  const parts = text.split("/");
  if (parts.length !== 3) {
    throw new UsageError(
      `--grant "${text}" must be <sources>/<classes>/<procedures>, e.g. population/basic,sensitive/1.001193 or land/basic/*`,
    );
  }
  const list = (s: string) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  let grant: Grant;
  try {
    grant = validateGrant({
      sources: list(parts[0]) as DataSourceName[],
      classes: list(parts[1]) as DataClass[],
      procedures: list(parts[2]),
    });
  } catch (error) {
    throw new UsageError(`--grant "${text}": ${(error as Error).message}`);
  }
  for (const code of grant.procedures) {
    if (code !== ANY_PROCEDURE && !procedures.has(code)) {
      throw new UsageError(`--grant "${text}": procedure ${code} is not in the procedure catalogue (seeds/procedures/catalogue.json)`);
    }
  }
  return grant;
}

function clientId(id: string | undefined, command: string): string {
  if (!id)
    throw new UsageError(
      `${command} needs a client id: VN:GOV:<agency code>:<system>, VN:CIT:<12-digit personal id> or VN:ORG:<tax code>:<system>`,
    );
  if (id.startsWith("VN:ORG:")) {
    const problem = organizationClientIdProblem(id);
    if (problem) throw new UsageError(problem);
    return id;
  }
  if (!SYSTEM_CLIENT_ID.test(id) && !CITIZEN_CLIENT_ID.test(id)) {
    throw new UsageError(
      `"${id}" is not a client id: VN:GOV:<agency code>:<system> (letters, digits, ".", "-"), VN:CIT:<12-digit personal id> or VN:ORG:<tax code>:<system>`,
    );
  }
  return id;
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: "string" },
        citizen: { type: "string" },
        expires: { type: "string" },
        "rate-limit": { type: "string" },
        grant: { type: "string", multiple: true },
        "trusted-documents-only": { type: "boolean" },
        "no-trusted-documents-only": { type: "boolean" },
        role: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    const e = error as Error & { code?: string };
    const unknown = /Unknown option '([^']+)'/.exec(e.message);
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) throw new UsageError(`unknown option ${unknown[1]}`);
    const option = /Option '(-[\w-]+|-\w, --[\w-]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(e.message);
    if (option?.[2] === "missing") throw new UsageError(`${option[1]} needs a value`);
    if (option) throw new UsageError(`${option[1]} needs a value; one starting with "-" is written ${option[1]}=<value>`);
    throw new UsageError(e.message.split("\n")[0]);
  }
}

/** The command line, checked whole. `now` and the catalogue are passed in so the checks are pure. */
export function parseClientCommand(argv: string[], procedures: KnownProcedures, now = new Date()): ClientCommand {
  const { positionals, values } = parseOptions(argv);
  if (values.help) return { command: "help" };
  const [command, id, ...rest] = positionals;
  if (!command) throw new UsageError(`no command given; commands: ${COMMANDS.join(", ")} (npm run clients -- --help)`);
  if (!(command in OPTIONS_OF)) throw new UsageError(`unknown command "${command}"; commands: ${COMMANDS.join(", ")}`);
  const name = command as keyof typeof OPTIONS_OF;
  for (const option of Object.keys(values) as Option[]) {
    if (!OPTIONS_OF[name].includes(option)) throw new UsageError(`--${option} is not an option of ${name}`);
  }
  const takesId = name !== "list" && name !== "remove-demo";
  const extra = takesId ? rest : [id, ...rest].filter((x) => x !== undefined);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" after ${name}${takesId ? " <id>" : ""}`);
  const grants = (values.grant ?? []).map((g) => parseGrant(g, procedures));

  switch (name) {
    case "list":
    case "remove-demo":
      return { command: name };
    case "revoke":
    case "rotate-key":
      return { command: name, id: clientId(id, name) };
    case "update": {
      const on = values["trusted-documents-only"] === true;
      const off = values["no-trusted-documents-only"] === true;
      if (on === off) throw new UsageError("update needs exactly one of --trusted-documents-only and --no-trusted-documents-only");
      return { command: "update", id: clientId(id, name), trustedDocumentsOnly: on };
    }
    case "roles": {
      const checkedId = clientId(id, name);
      if (!SYSTEM_CLIENT_ID.test(checkedId)) throw new UsageError("only an agency system (VN:GOV:…) holds roles");
      return { command: "roles", id: checkedId, roles: parseRoles(values.role ?? [], "SYSTEM") };
    }
    case "grant":
      if (grants.length === 0) throw new UsageError("grant needs --grant <sources>/<classes>/<procedures>");
      return { command: "grant", id: clientId(id, name), grants };
    case "add": {
      const clientName = values.name?.trim();
      if (!clientName) throw new UsageError("add needs --name <name>");
      if (clientName.length > 200) throw new UsageError("--name is longer than 200 characters");
      const citizen = values.citizen;
      if (citizen !== undefined && !PERSONAL_ID.test(citizen)) throw new UsageError(`--citizen "${citizen}" is not a 12-digit personal id`);
      const checkedId = clientId(id, name);
      if (citizen !== undefined && checkedId !== `VN:CIT:${citizen}`)
        throw new UsageError(`a citizen client's id is VN:CIT:${citizen}, not ${checkedId}`);
      if (citizen === undefined && CITIZEN_CLIENT_ID.test(checkedId))
        throw new UsageError(`${checkedId} is a citizen's id: add --citizen ${checkedId.slice("VN:CIT:".length)}`);
      const kind = citizen ? "CITIZEN" : ORGANIZATION_CLIENT_ID.test(checkedId) ? "ORGANIZATION" : "SYSTEM";
      return {
        command: "add",
        client: {
          id: checkedId,
          name: clientName,
          kind,
          personalId: citizen ?? null,
          expiresAt: values.expires !== undefined ? parseExpiry(values.expires, now) : null,
          rateLimitPerMinute: values["rate-limit"] !== undefined ? parseRateLimit(values["rate-limit"]) : null,
          grants,
          trustedDocumentsOnly: values["trusted-documents-only"] === true,
          roles: parseRoles(values.role ?? [], kind),
        },
      };
    }
  }
}

/**
 * A failure after the command was accepted, in one line: a typed gateway error by its message, an unreachable
 * database by its reason, a failed statement by the database's own first line — never the statement or its parameters.
 */
export function describeFailure(error: unknown): { message: string; usage: boolean } {
  if (error instanceof GatewayError) {
    const reason = (error as GatewayError & { reason?: unknown }).reason;
    if (error.code === "SOURCE_UNAVAILABLE")
      return { message: `the gateway database is unavailable${typeof reason === "string" ? `: ${reason}` : ""}`, usage: false };
    return { message: error.message, usage: error.code === "INVALID_ARGUMENT" };
  }
  const e = error as { message?: unknown; cause?: { message?: unknown } };
  const firstLine = (text: unknown) =>
    String(text ?? "")
      .split("\n")[0]
      .trim();
  const message = firstLine(e?.message);
  if (/^Failed query:/.test(message)) {
    const cause = firstLine(e.cause?.message);
    return { message: `the gateway database refused the statement${cause ? `: ${cause}` : ""}`, usage: false };
  }
  return { message: message || String(error), usage: false };
}
