/** "Did you mean …?" for misspelt names: the options within a third of the name's length in edit distance. */
import { say } from "../../platform/i18n.js";
import { CONFORMANCE_MESSAGES as M } from "./messages.js";

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return a === b ? 0 : 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** Options close to `input`, nearest first. */
export function suggestionList(input: string, options: readonly string[]): string[] {
  const threshold = Math.max(1, Math.floor(input.length * 0.4));
  return options
    .map((option) => ({ option, d: distance(input, option) }))
    .filter(({ d }) => d <= threshold)
    .sort((a, b) => a.d - b.d || a.option.localeCompare(b.option))
    .map(({ option }) => option);
}

export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return say(M.didYouMean, { options: suggestions.slice(0, 3).join(say(M.orJoin)) });
}
