/**
 * What a caller can ask about access itself: `viewer` (who am I, what may I read, which purpose did I declare) and
 * `accessLog` — the citizen's view of the audit trail (Estonia's Data Tracker): who read my data, when, why.
 */
import DataLoader from "dataloader";
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { CONSENT_CASE_PREFIX } from "./audit.js";
import type { AccessContext } from "./context.js";
import type { AccessLogRow, CheckpointRow, EntryProof, ProofStatus } from "./log.js";
import { checkAccessLogRead } from "./policy.js";
import { ClientKind, DATA_CLASSES } from "./clients.js";
import { Access, DataClass, DataSource, SubjectArgument } from "./directive.js";
import { AUDIT_ACTIONS, AuditAction } from "./request.js";
import { DATA_SOURCE_NAMES } from "../../platform/config.js";
import { listOf } from "../../shared/cost.js";
import { connectionType, pagedConnection, paginate } from "../../shared/pagination.js";
import { DateTimeScalar, JSONObjectScalar, PersonalIdScalar } from "../../shared/scalars.js";
import { CITIZEN_CLIENT_ID, shownClientId } from "./clients.js";

registerEnumType(ClientKind, {
  name: "ClientKind",
  description: "What kind of client a credential belongs to.",
  valuesConfig: {
    SYSTEM: { description: "An agency's system (VN:GOV:<agency code>:<system>), reading under its grants and a declared purpose." },
    CITIZEN: { description: "A person authenticated as themselves (VN:CIT:<personal id>), reading their own records." },
    ORGANIZATION: {
      description:
        "A private-sector organisation's system (VN:ORG:<tax code>:<system>: a bank, an insurer, a telecom), reading a citizen's data only under that citizen's consent (Decree 13/2023/NĐ-CP).",
    },
  },
});

const AuditProofStatus = { CHECKPOINTED: "CHECKPOINTED", PENDING: "PENDING", LEGACY: "LEGACY" } as const satisfies Record<
  ProofStatus,
  ProofStatus
>;
registerEnumType(AuditProofStatus, {
  name: "AuditProofStatus",
  description: "Whether an entry of the audit trail is in a signed checkpoint yet.",
  valuesConfig: {
    CHECKPOINTED: { description: "In a signed checkpoint: `document` proves it." },
    PENDING: { description: "Chained, and not yet in a checkpoint (checkpoints are made every few seconds): ask again shortly." },
    LEGACY: {
      description: "Recorded before checkpoints existed: chained and verified by `npm run audit:verify`, with no proof to hand out.",
    },
  },
});

registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "What an entry of the audit trail records.",
  valuesConfig: Object.fromEntries(Object.entries(AUDIT_ACTIONS).map(([a, description]) => [a, { description }])),
});

@ObjectType({ description: "One grant of a client: sources, field classes and the procedures it serves." })
export class AccessGrant {
  @Field(() => [String], {
    complexity: listOf(DATA_SOURCE_NAMES.length),
    description: "Sources, in lower case: population, land, business.",
    deprecationReason: "Use `dataSources` (the DataSource enum; same sources, upper-case names).",
  })
  sources!: string[];

  @Field(() => [String], {
    complexity: listOf(DATA_CLASSES.length),
    description: "Field classes, in lower case: basic, sensitive.",
    deprecationReason: "Use `dataClasses` (the DataClass enum; same classes, upper-case names).",
  })
  classes!: string[];

  // Each procedure of the catalogue (seeds/procedures/catalogue.json: 34) or `*`.
  @Field(() => [String], { complexity: listOf(35), description: "Procedure codes the grant serves; `*` for any procedure." })
  procedures!: string[];
}

@ObjectType({ description: "The purpose a request declared in its X-Purpose-Procedure and X-Purpose-Case headers." })
export class DeclaredPurpose {
  @Field(() => String, { description: "Procedure code (National Public Service Portal)." })
  procedure!: string;

  @Field(() => String, { description: "Case (dossier) id." })
  caseId!: string;
}

@ObjectType({ description: "The client this request is authenticated as." })
export class Viewer {
  @Field(() => String, { description: "Client id: VN:GOV:<agency code>:<system>, or VN:CIT:<personal id> for a citizen." })
  clientId!: string;

  @Field(() => String, { description: "Registered name." })
  name!: string;

  @Field(() => ClientKind, { description: "An agency system, or a person authenticated as themselves." })
  kind!: ClientKind;

  @Field(() => PersonalIdScalar, { nullable: true, description: "For a citizen client: whose records it may read." })
  personalId!: string | null;

  // One grant per source and class is the finest a grant needs to be (3 × 2); the demo clients have one each.
  @Field(() => [AccessGrant], {
    complexity: listOf(DATA_SOURCE_NAMES.length * DATA_CLASSES.length),
    description: "What the client may read, and for which procedures.",
  })
  grants!: AccessGrant[];

  @Field(() => [String], {
    complexity: listOf(4),
    description:
      "Duties beyond reading: `owner:<source>` (answers that source's data-correction requests), `oversight` (reads every client's operational records).",
  })
  roles!: string[];

  @Field(() => DeclaredPurpose, { nullable: true, description: "The purpose declared with this request, if any." })
  purpose!: DeclaredPurpose | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the client's key expires; null for no expiry." })
  expiresAt!: Date | null;
}

@ObjectType({ description: "An access-log entry's proof that it is in the signed audit trail." })
export class AuditProof {
  @Field(() => AuditProofStatus, { description: "In a signed checkpoint, not yet, or recorded before checkpoints existed." })
  status!: ProofStatus;

  @Field(() => Int, { nullable: true, description: "The checkpoint that covers the entry." })
  checkpoint!: number | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      "The self-contained proof (format `ndaf-gateway audit proof v2`): the entry as hashed, its Merkle audit path and the signed checkpoint with its public key. Save it as a file and check it offline with `npx ndaf-gateway audit verify-proof <file> --public-key <the gateway's published key>`. Null unless CHECKPOINTED.",
  })
  document!: object | null;
}

@ObjectType({ description: "One read of a person's data, or one action on their dossier, as the audit trail records it." })
export class AccessLogEntry {
  @Field(() => DateTimeScalar, { description: "When it happened." })
  recordedAt!: Date;

  @Field(() => String, { description: "Id of the client (agency system) that read the data." })
  clientId!: string;

  @Field(() => String, { description: "Registered name of that client." })
  clientName!: string;

  @Field(() => AuditAction, { description: "A read, or an action on a dossier, a consent or a data-correction request." })
  action!: AuditAction;

  @Field(() => String, { nullable: true, description: "Procedure code the client declared as its purpose." })
  procedureCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Case (dossier) id the client declared; `consent:<id>` for an organisation's read under a consent, or a consent's answer.",
  })
  caseId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The consent an organisation client read under, or that the entry answers (see `consents`); null otherwise.",
  })
  consentId!: string | null;

  // At most every `@access` field of the schema: 144 (`npm run list-sizes` counts them).
  // Every @access field of the schema at most (151 today; test/access/list-cost.test.ts counts them), with room to grow.
  @Field(() => [String], {
    complexity: listOf(200),
    description: "The fields read, as schema coordinates (Citizen.fullName, IdentityCard.number, …).",
  })
  fields!: string[];

  @Field(() => String, { description: "The request id, to quote in a complaint or a question to the agency." })
  requestId!: string;
}

export const AccessLogConnection = connectionType(AccessLogEntry, "AccessLogEntry", "access log entry");

@ObjectType({ description: "A signed checkpoint of the audit trail: what `npm run audit:verify` and a citizen's proof check against." })
export class AuditCheckpoint {
  @Field(() => Int, { description: "1, 2, 3, … without gaps." })
  seq!: number;

  @Field(() => DateTimeScalar, { description: "When it was signed." })
  createdAt!: Date;

  @Field(() => Int, { description: "Entries it covers." })
  size!: number;

  @Field(() => String, { description: "Hex RFC 6962 Merkle root over the entries it covers." })
  root!: string;

  @Field(() => String, { description: "Hex SHA-256 of the previous checkpoint's statement (64 zeros for the first)." })
  previousHash!: string;

  @Field(() => String, {
    description: "The exact text signed: the ranges of each partition it covers with their head hashes, the root, the previous hash.",
  })
  statement!: string;

  @Field(() => String, { description: "Base64 Ed25519 signature over the statement's UTF-8 bytes." })
  signature!: string;

  @Field(() => String, { description: "The signing key's id (auditSigningKey.keyId)." })
  keyId!: string;
}

export const AuditCheckpointConnection = connectionType(AuditCheckpoint, "AuditCheckpoint", "audit checkpoint");

@ObjectType({ description: "The public key the gateway signs audit checkpoints with." })
export class AuditSigningKey {
  @Field(() => String, { description: "`ed25519:` and 16 hex digits of SHA-256 over the key." })
  keyId!: string;

  @Field(() => String, { description: "Always Ed25519." })
  algorithm!: string;

  @Field(() => String, { description: "The public key, SPKI PEM: save it and pass it to `audit verify-proof --public-key`." })
  publicKey!: string;
}

/** An entry as the resolvers carry it: what is shown, and the stored row its proof is built from. */
type AccessLogNode = AccessLogEntry & { row: AccessLogRow; shownClient: boolean };

/** One loader per request: a page's proofs are built together (one statement for the checkpoints, one for their trees). */
const proofLoaders = new WeakMap<object, DataLoader<AccessLogNode, EntryProof>>();

@Resolver(() => AccessLogEntry)
export class AccessLogEntryResolver {
  // Building a proof may read its checkpoint's tree (up to 1,024 leaf hashes, kept once built): priced so that one
  // request builds at most 200 (the cost limit, 50,000, over 250), a page of 100 with room to spare.
  @FieldResolver(() => AuditProof, { complexity: 250, description: "The entry's proof that it is in the signed audit trail." })
  proof(@Root() entry: AccessLogNode, @Ctx() ctx: AccessContext): Promise<EntryProof> {
    let loader = proofLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader<AccessLogNode, EntryProof>(
        (nodes) => {
          const shown = new Map(nodes.map((n) => [n.row, n.shownClient]));
          return ctx.gateway.accessLog.proofs(
            nodes.map((n) => n.row),
            (row) => shown.get(row) ?? false,
          );
        },
        { cache: false },
      );
      proofLoaders.set(ctx, loader);
    }
    return loader.load(entry);
  }
}

@Resolver(() => AccessGrant)
export class AccessGrantResolver {
  @FieldResolver(() => [DataSource], { complexity: listOf(DATA_SOURCE_NAMES.length), description: "Sources the grant covers." })
  dataSources(@Root() grant: AccessGrant): DataSource[] {
    return grant.sources as DataSource[];
  }

  @FieldResolver(() => [DataClass], { complexity: listOf(DATA_CLASSES.length), description: "Field classes the grant covers." })
  dataClasses(@Root() grant: AccessGrant): DataClass[] {
    return grant.classes as DataClass[];
  }
}

@Resolver()
export class AccessResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: "The client this request is authenticated as, its grants and declared purpose; null without a credential.",
  })
  viewer(@Ctx() ctx: AccessContext): Viewer | null {
    const { client, purpose } = ctx.access;
    if (!client) return null;
    return {
      clientId: client.id,
      name: client.name,
      kind: client.kind,
      personalId: client.personalId,
      grants: client.grants,
      roles: client.roles,
      purpose,
      expiresAt: client.expiresAt,
    };
  }

  @Query(() => AuditSigningKey, {
    description: "The public key audit checkpoints are signed with (also GET /audit/public-key). Holds no personal data.",
  })
  auditSigningKey(@Ctx() ctx: AccessContext): AuditSigningKey {
    const key = ctx.gateway.accessLog.signingKey;
    return { keyId: key.keyId, algorithm: "Ed25519", publicKey: key.publicKeyPem };
  }

  @Query(() => AuditCheckpointConnection, {
    complexity: pagedConnection,
    description:
      "The audit trail's signed checkpoints, newest first (the latest also at GET /audit/checkpoints/latest). Hold no personal data.",
  })
  async auditCheckpoints(
    @Ctx() ctx: AccessContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ) {
    const page = ctx.gateway.accessLog.checkpointPage();
    return paginate<CheckpointRow, AuditCheckpoint>({
      cursors: ctx.gateway.cursors,
      kind: "audit-checkpoints",
      first,
      after,
      keyOf: (row) => String(row.seq),
      toNode: (row) => row,
      fetch: page.fetch,
      count: page.count,
    });
  }

  @Access("population")
  @SubjectArgument("CITIZEN", "personalId")
  @Query(() => AccessLogConnection, {
    nullable: true,
    complexity: pagedConnection,
    description:
      "Who read a person's data, when, and for which procedure and case, newest first. Open to the person themselves (a citizen client); personalId defaults to theirs.",
  })
  async accessLog(
    @Ctx() ctx: AccessContext,
    @Arg("personalId", () => PersonalIdScalar, { nullable: true, description: "Whose log; a citizen client may name only themselves." })
    personalId?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ) {
    const client = ctx.access.client;
    const who = checkAccessLogRead(client, personalId);
    const page = ctx.gateway.accessLog.page(who);
    return paginate<AccessLogRow, AccessLogEntry>({
      cursors: ctx.gateway.cursors,
      kind: "access-log",
      first,
      after,
      keyOf: (row) => String(row.seq),
      // Another citizen who read this person's data (named in their own dossier, say) is not named: their client id
      // is their personal id. Agency systems are named, which is the point of the log.
      toNode: (row): AccessLogNode => {
        const base = {
          recordedAt: row.recordedAt,
          action: row.action as AuditAction,
          procedureCode: row.procedureCode,
          caseId: row.caseId,
          consentId: row.caseId?.startsWith(CONSENT_CASE_PREFIX) ? row.caseId.slice(CONSENT_CASE_PREFIX.length) : null,
          fields: row.fields,
          requestId: row.requestId,
          row,
        };
        return row.clientId !== client!.id && CITIZEN_CLIENT_ID.test(row.clientId)
          ? { ...base, clientId: shownClientId(row.clientId), clientName: "A citizen (their own filing)", shownClient: false }
          : { ...base, clientId: row.clientId, clientName: row.clientName ?? row.clientId, shownClient: true };
      },
      fetch: page.fetch,
      count: page.count,
    });
  }
}
