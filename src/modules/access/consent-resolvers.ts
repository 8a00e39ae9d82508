/**
 * Consent, as its two parties use it: an organisation client asks (`requestConsent`) and lists what it asked for;
 * the citizen sees what waits on them (`consentRequests`), approves all or some of the fields, rejects, and revokes
 * at any time (`consents` lists what they gave). Each step is an entry of the citizen's access log.
 */
import { type GraphQLResolveInfo, isObjectType } from "graphql";
import { Arg, Ctx, Field, ID, Info, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import type { Client } from "./clients.js";
import {
  CONSENT_STATUSES,
  consentKey,
  type ConsentOwner,
  type ConsentStatus as StoredStatus,
  type ConsentView,
  MAX_CONSENT_DAYS,
  MAX_CONSENT_FIELDS,
  MAX_CONSENT_PURPOSE_LENGTH,
  shownStatus,
} from "./consent.js";
import type { AccessContext } from "./context.js";
import { fieldAccess } from "./directive.js";
import { organizationMayAsk } from "./policy.js";
import { GatewayError } from "../../platform/errors.js";
import { type Message, say } from "../../platform/i18n.js";
import { ACCESS_MESSAGES as M } from "./messages.js";
import { listOf } from "../../shared/cost.js";
import { connectionType, pagedConnection, paginate } from "../../shared/pagination.js";
import { DateTimeScalar, PersonalIdScalar } from "../../shared/scalars.js";

const SHOWN_STATUSES = [...CONSENT_STATUSES, "EXPIRED"] as const;
type ShownStatus = (typeof SHOWN_STATUSES)[number];
export const ConsentStatus = Object.fromEntries(SHOWN_STATUSES.map((s) => [s, s])) as { [S in ShownStatus]: S };

registerEnumType(ConsentStatus, {
  name: "ConsentStatus",
  description: "Where a consent stands.",
  valuesConfig: {
    REQUESTED: { description: "Asked for, waiting on the citizen's answer." },
    APPROVED: { description: "In force: the approved fields may be read until `validUntil`." },
    REJECTED: { description: "The citizen said no." },
    REVOKED: { description: "The citizen withdrew it: nothing is read under it any more." },
    EXPIRED: { description: "Its `validUntil` passed before it was answered, or while it was in force." },
  },
});

@ObjectType({
  description:
    "A citizen's consent to an organisation client (Decree 13/2023/NĐ-CP): which fields of their data it may read, for what, until when. It never shows whose consent it is to the organisation: it keeps the id it was given.",
})
export class Consent {
  @Field(() => ID, { description: "The consent's id: the organisation's reads under it name it in the citizen's access log." })
  id!: string;

  @Field(() => String, { description: "The organisation client that asked: VN:ORG:<tax code>:<system>." })
  clientId!: string;

  @Field(() => String, { description: "Its registered name." })
  clientName!: string;

  @Field(() => String, { description: "What the organisation says it reads the data for, as it wrote it." })
  purpose!: string;

  @Field(() => [String], {
    complexity: listOf(MAX_CONSENT_FIELDS),
    description: "Fields asked for, as schema coordinates (Citizen.fullName, …).",
  })
  requestedFields!: string[];

  @Field(() => [String], {
    nullable: true,
    complexity: listOf(MAX_CONSENT_FIELDS),
    description: "Fields the citizen approved (all or some of those asked for); null until approved.",
  })
  approvedFields!: string[] | null;

  @Field(() => DateTimeScalar, { description: "The last moment the consent (or the request) holds." })
  validUntil!: Date;

  @Field(() => ConsentStatus, { description: "Where it stands now." })
  status!: ShownStatus;

  @Field(() => Boolean, { description: "Whether reads under it are allowed right now (APPROVED and not expired)." })
  inForce!: boolean;

  @Field(() => DateTimeScalar, { description: "When it was asked for." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the citizen approved or rejected it." })
  answeredAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the citizen revoked it." })
  revokedAt!: Date | null;
}

export const ConsentConnection = connectionType(Consent, "Consent", "consent");

@InputType({ description: "What an organisation client asks a citizen to let it read." })
export class ConsentRequestInput {
  @Field(() => PersonalIdScalar, { description: "The citizen asked." })
  personalId!: string;

  @Field(() => [String], {
    description: `Fields, as schema coordinates of personal data (Citizen.fullName, IdentityCard.number, …), 1–${MAX_CONSENT_FIELDS}, each within the client's grants.`,
  })
  fields!: string[];

  @Field(() => String, {
    description: `What the data is read for, shown to the citizen as written (1–${MAX_CONSENT_PURPOSE_LENGTH} characters).`,
  })
  purpose!: string;

  @Field(() => DateTimeScalar, { description: `Until when, at most ${MAX_CONSENT_DAYS} days ahead.` })
  validUntil!: Date;
}

function toConsent(row: ConsentView): Consent {
  const status = shownStatus(row);
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientName,
    purpose: row.purpose,
    requestedFields: row.requestedFields,
    approvedFields: row.approvedFields,
    validUntil: row.validUntil,
    status,
    inForce: status === "APPROVED",
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
    revokedAt: row.revokedAt,
  };
}

function authenticated(client: Client | null, what: Message): Client {
  if (!client) throw new GatewayError("UNAUTHENTICATED", say(M.consentUnauthenticated, { what: say(what) }));
  return client;
}

/** The citizen a consent is about: only they answer it. */
function citizenOf(client: Client | null, what: Message): string {
  const c = authenticated(client, what);
  if (c.kind !== "CITIZEN") throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.consentCitizenOnly, { what: say(what), clientId: c.id }));
  return c.personalId!;
}

/** The schema coordinates a consent may name: personal data the organisation's grants could ever open. */
function checkedFields(fields: string[], client: Client, info: GraphQLResolveInfo): string[] {
  const unique = [...new Set(fields.map((f) => f.trim()))];
  if (unique.length === 0 || unique.length > MAX_CONSENT_FIELDS) {
    throw new GatewayError("INVALID_ARGUMENT", say(M.consentFieldCount, { max: MAX_CONSENT_FIELDS, count: unique.length }), {
      argument: "input.fields",
    });
  }
  const roots = new Set([info.schema.getQueryType()?.name, info.schema.getMutationType()?.name]);
  for (const coordinate of unique) {
    const [typeName, fieldName, extra] = coordinate.split(".");
    const type = typeName && !roots.has(typeName) ? info.schema.getType(typeName) : undefined;
    const field = isObjectType(type) && fieldName && extra === undefined ? type.getFields()[fieldName] : undefined;
    const access = field && type ? fieldAccess(type, field) : undefined;
    if (!access) {
      throw new GatewayError("INVALID_ARGUMENT", say(M.consentNotPersonalField, { coordinate: JSON.stringify(coordinate.slice(0, 80)) }), {
        argument: "input.fields",
      });
    }
    if (!organizationMayAsk(client, access)) {
      throw new GatewayError(
        "FIELD_NOT_GRANTED",
        say(M.fieldNotGrantedNoConsent, {
          field: coordinate,
          className: say(access.class === "basic" ? M.classBasic : M.classSensitive),
          source: access.source,
          clientId: client.id,
          dataClass: access.class,
        }),
        { field: coordinate, missingGrant: { source: access.source, class: access.class, procedure: "*" } },
      );
    }
  }
  return unique.sort();
}

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => ConsentConnection, {
    complexity: pagedConnection,
    description:
      "Consents, newest first: for a citizen client, those asked of them; for an organisation client, those it asked for. `status` filters (EXPIRED: past their date).",
  })
  consents(
    @Ctx() ctx: AccessContext,
    @Arg("status", () => ConsentStatus, { nullable: true, description: "Only consents in this state." }) status?: ShownStatus,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ) {
    const client = authenticated(ctx.access.client, M.whatConsents);
    let owner: ConsentOwner;
    if (client.kind === "CITIZEN") owner = { personalId: client.personalId! };
    else if (client.kind === "ORGANIZATION") owner = { clientId: client.id };
    else throw new GatewayError("SUBJECT_NOT_PERMITTED", say(M.consentsAgency, { clientId: client.id }));
    return this.page(ctx, owner, { status: status as StoredStatus | "EXPIRED" | undefined }, first, after);
  }

  @Query(() => ConsentConnection, {
    complexity: pagedConnection,
    description: "For a citizen client: the consent requests waiting on their answer, newest first.",
  })
  consentRequests(
    @Ctx() ctx: AccessContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." }) after?: string,
  ) {
    const personalId = citizenOf(ctx.access.client, M.whatConsentRequests);
    return this.page(ctx, { personalId }, { pending: true }, first, after);
  }

  @Mutation(() => Consent, {
    description:
      "For an organisation client: ask a citizen to let it read fields of their data, for a purpose, until a date. The answer is the request (REQUESTED), whoever the personal id names: asking tells nothing about anyone.",
  })
  async requestConsent(
    @Ctx() ctx: AccessContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("input", () => ConsentRequestInput, { description: "Whom to ask, for which fields, why and until when." })
    input: ConsentRequestInput,
  ): Promise<Consent> {
    const client = authenticated(ctx.access.client, M.whatAskingForConsent);
    if (client.kind !== "ORGANIZATION") {
      throw new GatewayError(
        "SUBJECT_NOT_PERMITTED",
        say(client.kind === "CITIZEN" ? M.onlyOrganizationsAskCitizen : M.onlyOrganizationsAskAgency, { clientId: client.id }),
      );
    }
    const fields = checkedFields(input.fields, client, info);
    const purpose = input.purpose.trim();
    if (purpose.length === 0 || purpose.length > MAX_CONSENT_PURPOSE_LENGTH) {
      throw new GatewayError("INVALID_ARGUMENT", say(M.consentPurposeLength, { max: MAX_CONSENT_PURPOSE_LENGTH }), {
        argument: "input.purpose",
      });
    }
    const now = Date.now();
    const until = input.validUntil.getTime();
    if (until <= now || until > now + MAX_CONSENT_DAYS * 86_400_000) {
      throw new GatewayError(
        "INVALID_ARGUMENT",
        say(M.consentValidUntil, { days: MAX_CONSENT_DAYS, value: input.validUntil.toISOString() }),
        {
          argument: "input.validUntil",
        },
      );
    }
    const row = await ctx.gateway.consents.request(client, { personalId: input.personalId, fields, purpose, validUntil: input.validUntil });
    ctx.access.recordAction("CONSENT_REQUESTED", [{ subject: { kind: "CITIZEN", id: input.personalId }, fields }], undefined, row.id);
    return toConsent(row);
  }

  @Mutation(() => Consent, {
    description: "For the citizen asked: approve a consent request, for all the fields asked for or only some (`fields`).",
  })
  async approveConsent(
    @Ctx() ctx: AccessContext,
    @Arg("id", () => ID, { description: "The consent request's id." }) id: string,
    @Arg("fields", () => [String], {
      nullable: true,
      description: "The fields approved, among those asked for; all of them when left out.",
    })
    fields?: string[],
  ): Promise<Consent> {
    const personalId = citizenOf(ctx.access.client, M.whatAnswering);
    const row = await ctx.gateway.consents.approve(personalId, id, fields);
    ctx.access.recordAction(
      "CONSENT_APPROVED",
      [{ subject: { kind: "CITIZEN", id: personalId }, fields: row.approvedFields ?? [] }],
      undefined,
      row.id,
    );
    return toConsent(row);
  }

  @Mutation(() => Consent, { description: "For the citizen asked: reject a consent request." })
  async rejectConsent(
    @Ctx() ctx: AccessContext,
    @Arg("id", () => ID, { description: "The consent request's id." }) id: string,
  ): Promise<Consent> {
    const personalId = citizenOf(ctx.access.client, M.whatAnswering);
    const row = await ctx.gateway.consents.reject(personalId, id);
    ctx.access.recordAction("CONSENT_REJECTED", [{ subject: { kind: "CITIZEN", id: personalId }, fields: [] }], undefined, row.id);
    return toConsent(row);
  }

  @Mutation(() => Consent, {
    description: "For the citizen who gave it: revoke a consent. No read under it is allowed from then on, by any replica.",
  })
  async revokeConsent(@Ctx() ctx: AccessContext, @Arg("id", () => ID, { description: "The consent's id." }) id: string): Promise<Consent> {
    const personalId = citizenOf(ctx.access.client, M.whatRevoking);
    const row = await ctx.gateway.consents.revoke(personalId, id);
    ctx.access.recordAction(
      "CONSENT_REVOKED",
      [{ subject: { kind: "CITIZEN", id: personalId }, fields: row.approvedFields ?? [] }],
      undefined,
      row.id,
    );
    return toConsent(row);
  }

  private page(
    ctx: AccessContext,
    owner: ConsentOwner,
    filter: { status?: StoredStatus | "EXPIRED"; pending?: boolean },
    first?: number,
    after?: string,
  ) {
    const page = ctx.gateway.consents.page(owner, filter);
    return paginate<ConsentView, Consent>({
      cursors: ctx.gateway.cursors,
      kind: "consents",
      first,
      after,
      keyOf: consentKey,
      toNode: toConsent,
      fetch: page.fetch,
      count: page.count,
    });
  }
}
