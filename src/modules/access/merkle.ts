/**
 * RFC 6962 Merkle trees (Certificate Transparency's, also Trillian's and Tessera's): leaf hash SHA-256(0x00 ‖ data),
 * node hash SHA-256(0x01 ‖ left ‖ right), a tree of n leaves split at the largest power of two below n. A checkpoint
 * signs the root over its entries; an entry's inclusion proof is the audit path from its leaf to that root
 * (RFC 9162 §2.1.3). Small and standard, checked against the RFC's reference vectors (merkle.spec.ts).
 */
import { hash } from "node:crypto";

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// crypto.hash over the joined bytes: one call instead of createHash's object, updates and digest (half the time).
export function leafHash(data: Uint8Array): Buffer {
  return hash("sha256", Buffer.concat([LEAF, data]), "buffer");
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash("sha256", Buffer.concat([NODE, left, right]), "buffer");
}

/** The tree hash over leaf hashes; SHA-256 of nothing for an empty tree. */
export function rootOf(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return hash("sha256", Buffer.alloc(0), "buffer");
  // Level by level (each level pairs neighbours, carrying an odd last node up): the same tree as RFC 6962's
  // recursive definition, without its recursion.
  let level: Buffer[] = leaves.map((l) => Buffer.from(l));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/** The audit path of leaf `index`: the sibling hashes from the leaf up to the root (RFC 6962 PATH). */
export function inclusionPath(index: number, leaves: readonly Uint8Array[]): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length)
    throw new RangeError(`No leaf ${index} in a tree of ${leaves.length}.`);
  const path: Buffer[] = [];
  let level: Buffer[] = leaves.map((l) => Buffer.from(l));
  let i = index;
  while (level.length > 1) {
    const sibling = i ^ 1;
    if (sibling < level.length) path.push(level[sibling]);
    const next: Buffer[] = [];
    for (let j = 0; j + 1 < level.length; j += 2) next.push(nodeHash(level[j], level[j + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
    i = Math.floor(i / 2);
  }
  return path;
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the path cannot belong to a tree of that
 * size (too long, too short, index out of range). The proof holds when the result equals the signed root.
 */
export function rootFromInclusion(index: number, size: number, leaf: Uint8Array, path: readonly Uint8Array[]): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Every level of the tree, leaves first, root last: built once, any leaf's path is then read off in O(log n). */
export function treeLevels(leaves: readonly Uint8Array[]): Buffer[][] {
  const levels: Buffer[][] = [leaves.map((l) => Buffer.from(l))];
  while (levels[levels.length - 1].length > 1) {
    const level = levels[levels.length - 1];
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    levels.push(next);
  }
  return levels;
}

/** The audit path of leaf `index` read off the levels of treeLevels (the same as inclusionPath). */
export function pathFromLevels(index: number, levels: readonly Buffer[][]): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= levels[0].length)
    throw new RangeError(`No leaf ${index} in a tree of ${levels[0].length}.`);
  const path: Buffer[] = [];
  let i = index;
  for (let l = 0; l < levels.length - 1; l++) {
    const sibling = i ^ 1;
    if (sibling < levels[l].length) path.push(levels[l][sibling]);
    i = Math.floor(i / 2);
  }
  return path;
}
