/**
 * Schema evolution against the last release: graphql-inspector's changes from the release snapshot
 * (schema/releases/<version>.graphql) to schema.graphql, and whether each breaking one is listed in CHANGELOG.md.
 * A breaking change is listed when the Breaking list of the Unreleased section names its schema coordinate in
 * backticks — `Type.field`, `Type.field(argument:)`, `Type`, or inspector's own path (`ApplicantInput.@oneOf`) —
 * so a change cannot reach a release without a line telling clients what to do about it.
 */
import fs from "node:fs";
import path from "node:path";
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from "graphql";

export interface Release {
  version: string;
  file: string;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)\.graphql$/;

/** The highest version among `<dir>/<major>.<minor>.<patch>.graphql`, or null when there is none. */
export function latestRelease(dir: string): Release | null {
  if (!fs.existsSync(dir)) return null;
  const releases = fs
    .readdirSync(dir)
    .map((name) => ({ name, parts: SEMVER.exec(name)?.slice(1, 4).map(Number) }))
    .filter((r): r is { name: string; parts: number[] } => !!r.parts)
    .sort((a, b) => a.parts[0] - b.parts[0] || a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2]);
  const last = releases.at(-1);
  return last ? { version: last.parts.join("."), file: path.join(dir, last.name) } : null;
}

/** The text of a `## …` section whose title matches, up to the next `## `; null when there is none. */
function section(text: string, level: "##" | "###", title: RegExp): string | null {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${level} `) && title.test(l.slice(level.length + 1)));
  if (start < 0) return null;
  const stop = (l: string) => l.startsWith("## ") || (level === "###" && l.startsWith("### "));
  const end = lines.findIndex((l, i) => i > start && stop(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** The Breaking list of CHANGELOG's Unreleased section (null when the changelog has no Unreleased section). */
export function unreleasedBreaking(changelog: string): string | null {
  const unreleased = section(changelog, "##", /^\[?Unreleased\]?/i);
  if (unreleased === null) return null;
  return section(unreleased, "###", /^Breaking/i) ?? "";
}

/** Schema coordinates named in backticks, in inspector's path form (`Type.field(arg:)` → `Type.field.arg`). */
export function listedCoordinates(text: string): Set<string> {
  const listed = new Set<string>();
  for (const [, raw] of text.matchAll(/`([^`\n]+)`/g)) {
    const value = raw.trim();
    const argument = /^(\w+)\.(\w+)\((\w+):?\)$/.exec(value);
    if (argument) listed.add(`${argument[1]}.${argument[2]}.${argument[3]}`);
    else if (/^[\w.@]+$/.test(value)) listed.add(value);
  }
  return listed;
}

export interface Comparison {
  breaking: (Change & { listed: boolean })[];
  dangerous: Change[];
  safe: Change[];
  /** Fields of the release the Breaking list names with no change in the SDL: changes of value inspector cannot see. */
  notDetected: string[];
}

/** Whether `Type.field` (or `Type.field.argument`) is a field of the schema. */
function isField(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, fieldName] = coordinate.split(".");
  const type = schema.getType(typeName);
  return !!fieldName && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) && fieldName in type.getFields();
}

export async function compareSchemas(releasedSdl: string, currentSdl: string, breakingList: string): Promise<Comparison> {
  const released = buildSchema(releasedSdl);
  const changes = await diff(released, buildSchema(currentSdl));
  const listed = listedCoordinates(breakingList);
  const level = (c: Change) => c.criticality.level;
  const breaking = changes
    .filter((c) => level(c) === CriticalityLevel.Breaking)
    .map((c) => ({ ...c, listed: !!c.path && listed.has(c.path) }));
  const seen = new Set(breaking.map((c) => c.path));
  return {
    breaking,
    dangerous: changes.filter((c) => level(c) === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => level(c) === CriticalityLevel.NonBreaking),
    notDetected: [...listed].filter((coordinate) => isField(released, coordinate) && !seen.has(coordinate)).sort(),
  };
}

/** The report as lines of text, breaking changes first. */
export function describe(comparison: Comparison, release: Release, current: string): string[] {
  const { breaking, dangerous, safe, notDetected } = comparison;
  const unlisted = breaking.filter((c) => !c.listed);
  const lines = [
    `${current} against release ${release.version} (${release.file}): ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe change(s).`,
  ];
  if (breaking.length > 0) {
    lines.push("", `Breaking — each must be named in CHANGELOG.md, Unreleased, Breaking (✓ named, ✗ not named):`);
    for (const c of breaking) lines.push(`  ${c.listed ? "✓" : "✗"} ${c.path ?? "(schema)"} — ${c.message}`);
  }
  if (dangerous.length > 0) {
    lines.push("", "Dangerous — may break clients that rely on exhaustive enums, interfaces or defaults:");
    for (const c of dangerous) lines.push(`  · ${c.path ?? "(schema)"} — ${c.message}`);
  }
  if (notDetected.length > 0) {
    lines.push(
      "",
      `Listed as breaking, with the same type in the SDL (a change of value only the changelog can tell): ${notDetected.join(", ")}`,
    );
  }
  lines.push(
    "",
    unlisted.length === 0
      ? "Every breaking change is listed in CHANGELOG.md."
      : `${unlisted.length} breaking change(s) not listed: deprecate instead where you can (keep the field, add its replacement), or name each under "### Breaking" in CHANGELOG.md's Unreleased section, with what clients should do.`,
  );
  return lines;
}
