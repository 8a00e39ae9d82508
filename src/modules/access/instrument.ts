/**
 * The one place GraphQL reads are noticed: every resolver of an `@access` field is wrapped, once per process, to
 * note which subject the field belongs to — from the `@subject` declaration on its type (or, on a root field, on
 * the field's argument) — and which field was read. Objects that are not subjects themselves (an identity card, a
 * certificate) belong to the subject they were reached from. A field whose value is a personal identification
 * number is also a read of the person it names (a business's owner, a co-holder): every personal id that leaves
 * has its own audit row. A citizen client reaching another person's record is refused at that field.
 */
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  type GraphQLObjectType,
} from "graphql";
import type { ConsentGate } from "./consent.js";
import type { AccessContext } from "./context.js";
import { fieldAccess, subjectDeclarations, typeAccess } from "./directive.js";
import type { RequestAccess } from "./request.js";
import { checkedSubject, type Subject } from "./subjects.js";

type SubjectOf = (value: Record<string, unknown>) => Subject | undefined;

/** The scalar every personal identification number is typed with. */
export const PERSONAL_ID_SCALAR = "PersonalId";

/** How to name the subject of an object of `type`, from its `@subject` declarations; undefined when it has none. */
export function subjectOfType(type: GraphQLObjectType): SubjectOf | undefined {
  const declarations = subjectDeclarations(type.astNode).filter((d) => d.key);
  if (declarations.length === 0) return undefined;
  return (value) => {
    for (const { kind, key } of declarations) {
      const id = value[key!];
      if (typeof id === "string") return { kind, id };
    }
    return undefined;
  };
}

/** Personal ids in a field's value (a PersonalId, or a list of them). */
function personalIds(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

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
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const subjectOf = subjectOfType(type);
    for (const field of Object.values(type.getFields())) {
      if (!fieldAccess(type, field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      const returned = getNamedType(field.type);
      // Results that are not subjects themselves but carry personal data belong to this field's subject.
      const passOwner = isObjectType(returned) && !subjectOfType(returned) && typeAccess(returned) !== undefined;
      const namesPerson = returned.name === PERSONAL_ID_SCALAR;

      /**
       * An organisation client's read: the person the field belongs to — the citizen it is about, or the citizen
       * its object was reached from — must have a consent in force approving this very field, and so must every
       * other person a personal id in its value names. The objects it returns belong to the same person.
       */
      const readUnderConsent = (
        gate: ConsentGate,
        access: RequestAccess,
        subject: Subject | undefined,
        source: unknown,
        run: () => unknown,
      ) => {
        const governor = subject?.kind === "CITIZEN" ? subject.id : gate.governorOf(source);
        const proceed = (consentId: string): unknown => {
          access.read(subject, coordinate, consentId);
          const after = (value: unknown): unknown => {
            if (namesPerson) {
              const named = personalIds(value).filter((id) => subject?.kind !== "CITIZEN" || subject.id !== id);
              const covers = named.map((id) => (id === governor ? consentId : gate.cover(id, coordinate)));
              const record = (ids: string[]) => {
                named.forEach((id, i) => access.read({ kind: "CITIZEN", id }, coordinate, ids[i]));
                return value;
              };
              return covers.some(isThenable) ? Promise.all(covers).then(record) : record(covers as string[]);
            }
            if (governor !== undefined) gate.govern(value, governor);
            if (passOwner && subject) own(access.owners, value, subject);
            return value;
          };
          const result = run();
          return isThenable(result) ? Promise.resolve(result).then(after) : after(result);
        };
        const covered = gate.cover(governor, coordinate);
        return typeof covered === "string" ? proceed(covered) : covered.then(proceed);
      };

      if (type === queryType || type === mutationType) {
        const declared = subjectDeclarations(field.astNode).filter((d) => d.argument);
        field.resolve = (source, args, context, info) => {
          const values = args as Record<string, unknown>;
          let subject: Subject | undefined;
          for (const { kind, argument } of declared) {
            const id = values[argument!];
            // The argument's shape is checked before anything is recorded: a malformed id fails this request only.
            if (typeof id === "string") subject = checkedSubject(kind, id, `${coordinate}(${argument})`);
            if (subject) break;
          }
          const gate = context.access?.consents(context.gateway.consents);
          if (gate) {
            // An organisation client looks a person up only while some consent of theirs is in force.
            const proceed = (consentId: string) => {
              context.access.read(subject, coordinate, consentId);
              return resolve(source, args, context, info);
            };
            const covered = gate.cover(subject?.kind === "CITIZEN" ? subject.id : undefined, coordinate, true);
            return typeof covered === "string" ? proceed(covered) : covered.then(proceed);
          }
          context.access?.read(subject, coordinate);
          return resolve(source, args, context, info);
        };
        continue;
      }

      field.resolve = (source, args, context, info) => {
        const access = context.access;
        if (!access) return resolve(source, args, context, info);
        const subject = subjectOf ? subjectOf(source as Record<string, unknown>) : access.owners.get(source as object);
        const gate = access.consents(context.gateway.consents);
        if (gate) return readUnderConsent(gate, access, subject, source, () => resolve(source, args, context, info));
        access.read(subject, coordinate);
        const result = resolve(source, args, context, info);
        if (namesPerson) {
          const note = (value: unknown) => {
            for (const id of personalIds(value))
              if (!subject || subject.kind !== "CITIZEN" || subject.id !== id) access.read({ kind: "CITIZEN", id }, coordinate);
            return value;
          };
          return isThenable(result) ? Promise.resolve(result).then(note) : note(result);
        }
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
