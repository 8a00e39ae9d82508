/**
 * Every message a person reads exists in both languages: each catalogue entry has English and Vietnamese with the
 * same placeholders (and the Vietnamese is Vietnamese), and no typed error, refusal or finding is written outside
 * a catalogue, where it could exist in one language only.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES, placeholders } from "./i18n.js";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".spec.ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const FILES = sourceFiles();
const relative = (file: string) => path.relative(SRC, file).split(path.sep).join("/");
/** Files that declare a catalogue. */
const CATALOGUE_FILES = FILES.filter((f) => /\bmessages\(\s*"/.test(fs.readFileSync(f, "utf8")));
/** Read by operators at a terminal, not by the people a gateway answers: English only. */
const OPERATOR_ONLY = new Set(["modules/access/verify.ts", "http/ide-client.ts"]);

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

beforeAll(async () => {
  for (const file of CATALOGUE_FILES) await import(pathToFileURL(file).href);
});

describe("the message catalogues", () => {
  it("are declared, each entry in English and in Vietnamese with the same placeholders", () => {
    expect(CATALOGUES.size).toBeGreaterThan(0);
    const problems: string[] = [];
    let entries = 0;
    for (const [name, catalogue] of CATALOGUES) {
      for (const [key, message] of Object.entries(catalogue)) {
        entries++;
        const where = `${name}.${key}`;
        if (!message.en?.trim()) problems.push(`${where}: no English`);
        if (!message.vi?.trim()) problems.push(`${where}: no Vietnamese`);
        if (!message.en || !message.vi) continue;
        if (message.vi === message.en) problems.push(`${where}: the Vietnamese is the English`);
        if (!VIETNAMESE.test(message.vi)) problems.push(`${where}: the Vietnamese has no Vietnamese letter: ${message.vi.slice(0, 60)}`);
        const en = placeholders(message.en).sort();
        const vi = placeholders(message.vi).sort();
        if (en.join() !== vi.join()) problems.push(`${where}: placeholders differ: en {${en}} vi {${vi}}`);
      }
    }
    expect(problems).toEqual([]);
    expect(entries).toBeGreaterThan(10);
  });

  it("hold every typed error's message: none is written in one language in the code", () => {
    const typedError = /new\s+(?:GatewayError|InvalidInputError|UnknownAdministrativeUnitError)\(\s*[^,()]+,\s*[`"']/g;
    const sentError = /sendError\(\s*[^,]+,\s*[^,]+,\s*\d{3},\s*"[A-Z_]+",\s*[`"']/g;
    const refusal = /\bmessage:\s*[`"']/g;
    const found: string[] = [];
    for (const file of FILES) {
      const name = relative(file);
      if (OPERATOR_ONLY.has(name) || CATALOGUE_FILES.includes(file)) continue;
      const text = fs.readFileSync(file, "utf8");
      for (const pattern of [typedError, sentError, refusal]) {
        for (const match of text.matchAll(pattern)) {
          const line = text.slice(0, match.index).split("\n").length;
          found.push(`${name}:${line}: ${match[0].replace(/\s+/g, " ").slice(0, 60)}`);
        }
      }
    }
    expect(found, "say these through a catalogue (src/platform/i18n.ts: messages, say)").toEqual([]);
  });
});
