/**
 * The one place reads are noticed: every resolver of an `@access` field is wrapped, once per process, to note
 * which subject (person, enterprise, parcel, household business) the field belongs to and which field was read.
 * Objects that are not subjects themselves (an identity card, a certificate) belong to the subject they were
 * reached from. A citizen client reaching another person's record is refused at that field.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, getNamedType, isObjectType } from "graphql";
import type { GatewayContext } from "../context.js";
import { fieldAccess, typeAccess } from "./directive.js";
import type { Subject } from "./request.js";

type SubjectOf = (value: Record<string, unknown>) => Subject | undefined;

const person = (value: Record<string, unknown>): Subject | undefined =>
  typeof value.personalId === "string" ? { kind: "CITIZEN", id: value.personalId } : undefined;

/** Types whose objects are subjects of personal data, and how to name the subject. */
export const SUBJECT_TYPES: Record<string, SubjectOf> = {
  Citizen: person,
  HouseholdMember: person,
  EnterprisePerson: person,
  EnterpriseRole: person,
  LandHolder: (v) => (typeof v.personalId === "string" ? person(v) : typeof v.enterpriseCode === "string" ? { kind: "ENTERPRISE", id: v.enterpriseCode } : undefined),
  Enterprise: (v) => (typeof v.code === "string" ? { kind: "ENTERPRISE", id: v.code } : undefined),
  LandParcel: (v) => (typeof v.id === "string" ? { kind: "LAND_PARCEL", id: v.id } : undefined),
  HouseholdBusiness: (v) => (typeof v.registrationNumber === "string" ? { kind: "HOUSEHOLD_BUSINESS", id: v.registrationNumber } : undefined),
};

/** Root fields that name their subject in an argument: the lookup itself is a read of that subject. */
export const ROOT_SUBJECT_ARGUMENTS: Record<string, (args: Record<string, unknown>) => Subject | undefined> = {
  "Query.citizen": (a) => (typeof a.personalId === "string" ? { kind: "CITIZEN", id: a.personalId } : undefined),
  "Query.enterprise": (a) => (typeof a.code === "string" ? { kind: "ENTERPRISE", id: a.code } : undefined),
  "Query.landParcel": (a) => (typeof a.id === "string" ? { kind: "LAND_PARCEL", id: a.id } : undefined),
  "Query.verifyPermanentResidence": (a) => (typeof a.personalId === "string" ? { kind: "CITIZEN", id: a.personalId } : undefined),
  "Query.verifyAliveAdult": (a) => (typeof a.personalId === "string" ? { kind: "CITIZEN", id: a.personalId } : undefined),
  "Query.verifyCertificateHolder": (a) => (typeof a.personalId === "string" ? { kind: "CITIZEN", id: a.personalId } : undefined),
  "Query.verifyEnterpriseActive": (a) => (typeof a.code === "string" ? { kind: "ENTERPRISE", id: a.code } : undefined),
  "Query.householdBusiness": (a) => (typeof a.registrationNumber === "string" ? { kind: "HOUSEHOLD_BUSINESS", id: a.registrationNumber } : undefined),
};

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function own(owners: WeakMap<object, Subject>, value: unknown, subject: Subject): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === "object") owners.set(item, subject);
  } else if (value && typeof value === "object") {
    owners.set(value, subject);
  }
}

const instrumented = new WeakSet<GraphQLSchema>();

export function instrumentAccess(schema: GraphQLSchema): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  const queryType = schema.getQueryType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const subjectOf = SUBJECT_TYPES[type.name];
    for (const field of Object.values(type.getFields())) {
      if (!fieldAccess(type, field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const resolve: GraphQLFieldResolver<unknown, GatewayContext> = field.resolve ?? defaultFieldResolver;
      const returned = getNamedType(field.type);
      // Results that are not subjects themselves but carry personal data belong to this field's subject.
      const passOwner = isObjectType(returned) && !SUBJECT_TYPES[returned.name] && typeAccess(returned) !== undefined;

      if (type === queryType) {
        const subjectFromArgs = ROOT_SUBJECT_ARGUMENTS[coordinate];
        field.resolve = (source, args, context, info) => {
          context.access?.read(subjectFromArgs?.(args as Record<string, unknown>), coordinate);
          return resolve(source, args, context, info);
        };
        continue;
      }

      field.resolve = (source, args, context, info) => {
        const access = context.access;
        if (!access) return resolve(source, args, context, info);
        const subject = subjectOf ? subjectOf(source as Record<string, unknown>) : access.owners.get(source as object);
        access.read(subject, coordinate);
        const result = resolve(source, args, context, info);
        if (!passOwner || !subject) return result;
        if (isThenable(result)) {
          return Promise.resolve(result).then((value) => {
            own(access.owners, value, subject);
            return value;
          });
        }
        own(access.owners, result, subject);
        return result;
      };
    }
  }
}
