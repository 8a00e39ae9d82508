/**
 * `npm run docs:map` writes README's map of the code from the tree; `npm run docs:check` exits 1, saying what
 * differs, when README's map is not the one the tree gives.
 *
 * One line per entry of src/ (files and folders), and one per folder under src/modules/, src/platform/ and
 * src/http/. Each line says what the entry is in the first sentence of a leading comment (`/** … *\/` or `//`):
 * a folder's from its index.ts; a file's from itself; a folder without a commented index.ts from its
 * alphabetically first .ts file that has one, named before the sentence, followed by the folder's other entries.
 * The map goes between `<!-- code-map:start -->` and `<!-- code-map:end -->` in README.md; nothing else is touched.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const README = path.join(ROOT, "README.md");
const START = "<!-- code-map:start -->";
const END = "<!-- code-map:end -->";
/** Folders of src/ whose own folders get a line each. */
const EXPANDED = ["modules", "platform", "http"];
/** Files whose leading comment is read. */
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const WIDTH = 118;
/** Comments addressed to tools, not readers. */
const DIRECTIVE = /^\s*(eslint|@ts-|prettier-ignore|istanbul |c8 |global |#region|#endregion)/;

interface Line {
  depth: number;
  name: string;
  text: string;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function entries(dir: string): fs.Dirent[] {
  return (
    fs
      .readdirSync(dir, { withFileTypes: true })
      // Specs sit beside the code they test; the map is of the code.
      .filter((e) => !e.name.startsWith(".") && !e.name.endsWith(".spec.ts") && (e.isDirectory() || e.isFile()))
      .sort((a, b) => byName(a.name, b.name))
  );
}

/** The text of the comment a file opens with (after a shebang; lint, compiler and `/// <reference>` directives skipped), or "". */
function leadingComment(source: string): string {
  let rest = source.replace(/^\uFEFF/, "").replace(/^#![^\n]*\n/, "");
  for (;;) {
    rest = rest.trimStart();
    let text: string;
    if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      if (end < 0) return "";
      text = rest
        .slice(2, end)
        .replace(/^\*/, "")
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, ""))
        .join("\n");
      rest = rest.slice(end + 2);
    } else if (rest.startsWith("//")) {
      // A run of line comments; a blank line or code ends it.
      const lines = rest.split("\n");
      const run = lines.findIndex((line) => !/^\s*\/\//.test(line));
      const taken = run < 0 ? lines.length : run;
      text = lines
        .slice(0, taken)
        .filter((line) => !/^\s*\/\/\/\s*</.test(line))
        .map((line) => line.replace(/^\s*\/\/ ?/, ""))
        .filter((line) => !DIRECTIVE.test(line))
        .join("\n");
      rest = lines.slice(taken).join("\n");
    } else {
      return "";
    }
    if (text.trim() && !DIRECTIVE.test(text)) return text.trim();
  }
}

/** The first sentence of a comment's first paragraph, on one line. */
function firstSentence(comment: string): string {
  const paragraph = (comment.split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
  // A sentence ends at . ! or ? followed by the end, or by a space and what starts a sentence; not after e.g./i.e.
  const end = /(?<!\b(?:e\.g|i\.e|cf|vs|etc))[.!?](?=$|\s+[A-Z0-9`"'(*_[])/.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

function describeFile(file: string): string {
  return CODE.test(file) ? firstSentence(leadingComment(fs.readFileSync(file, "utf8"))) : "";
}

function describeFolder(dir: string, withOwnLines: Set<string>): string {
  const index = path.join(dir, "index.ts");
  if (fs.existsSync(index)) {
    const text = describeFile(index);
    if (text) return text;
  }
  const all = entries(dir);
  const first = all.find((e) => e.isFile() && e.name.endsWith(".ts") && describeFile(path.join(dir, e.name)));
  const others = all.filter((e) => e !== first && !withOwnLines.has(e.name)).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  const sentence = first ? describeFile(path.join(dir, first.name)) : "";
  const parts = [
    first ? `${first.name}: ${/[.!?]$/.test(sentence) ? sentence : `${sentence}.`}` : "",
    others.length > 0 ? `Also: ${others.join(", ")}.` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

function codeMapLines(root: string): Line[] {
  const src = path.join(root, "src");
  const lines: Line[] = [];
  for (const entry of entries(src)) {
    const full = path.join(src, entry.name);
    if (!entry.isDirectory()) {
      lines.push({ depth: 1, name: entry.name, text: describeFile(full) });
      continue;
    }
    const subfolders = EXPANDED.includes(entry.name) ? entries(full).filter((e) => e.isDirectory()) : [];
    lines.push({ depth: 1, name: `${entry.name}/`, text: describeFolder(full, new Set(subfolders.map((e) => e.name))) });
    for (const sub of subfolders)
      lines.push({ depth: 2, name: `${sub.name}/`, text: describeFolder(path.join(full, sub.name), new Set()) });
  }
  return lines;
}

/** Words wrapped to WIDTH, continuation lines under the first line's text. */
function wrap(head: string, text: string): string[] {
  const out: string[] = [];
  let line = head;
  let empty = true;
  for (const word of text.split(" ").filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      out.push(line);
      line = " ".repeat(head.length) + word;
    } else {
      line += (empty ? "" : " ") + word;
    }
    empty = false;
  }
  out.push(line.trimEnd());
  return out;
}

function renderCodeMap(lines: Line[]): string {
  const column = Math.max(...lines.map((l) => l.depth * 2 + l.name.length)) + 2;
  const body = lines.flatMap((l) => wrap((" ".repeat(l.depth * 2) + l.name).padEnd(column), l.text));
  return ["```", "src/", ...body, "```"].join("\n");
}

/** README's text with the map between the markers replaced, or an error saying what is wrong with the markers. */
function withMap(readme: string, map: string): { text: string; current: string } | { error: string } {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0 || end < start || readme.indexOf(START, start + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
    return { error: `README.md needs exactly one ${START} followed by one ${END}, around the map of the code` };
  }
  const current = readme
    .slice(start + START.length, end)
    .replace(/^\n/, "")
    .replace(/\n$/, "");
  return { text: `${readme.slice(0, start + START.length)}\n${map}\n${readme.slice(end)}`, current };
}

/** A line diff (longest common subsequence): `-` lines only README has, `+` lines only the tree gives. */
function diff(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || common[i + 1][j] >= common[i][j + 1])) {
      out.push(`- ${before[i++]}`);
    } else {
      out.push(`+ ${after[j++]}`);
    }
  }
  return out;
}

const check = process.argv.includes("--check");
const map = renderCodeMap(codeMapLines(ROOT));
const readme = fs.readFileSync(README, "utf8");
const result = withMap(readme, map);
if ("error" in result) {
  console.error(`error: ${result.error}`);
  process.exit(2);
}
if (check) {
  if (result.current !== map) {
    console.error("README's map of the code is stale: `npm run docs:map` rewrites it. README has (-), the tree gives (+):");
    for (const line of diff(result.current.split("\n"), map.split("\n"))) console.error(line);
    process.exit(1);
  }
  console.log("README's map of the code is up to date.");
} else if (result.text === readme) {
  console.log("README's map of the code is up to date.");
} else {
  fs.writeFileSync(README, result.text);
  console.log(`Wrote README's map of the code (${map.split("\n").length} lines).`);
}
