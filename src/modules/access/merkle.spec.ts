import { describe, expect, it } from "vitest";
import { inclusionPath, leafHash, pathFromLevels, rootFromInclusion, rootOf, treeLevels } from "./merkle.js";

// RFC 6962's reference leaves and tree heads (Certificate Transparency's test vectors, also Trillian's).
const DATA = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((h) =>
  Buffer.from(h, "hex"),
);
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const LEAVES = DATA.map(leafHash);
const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString("hex") : null);

describe("RFC 6962 Merkle trees", () => {
  it("give the reference tree head for every size from 0 to 8", () => {
    for (let n = 0; n <= 8; n++) expect(hex(rootOf(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n]);
  });

  it("give the reference inclusion proofs", () => {
    expect(inclusionPath(0, LEAVES).map(hex)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(inclusionPath(5, LEAVES).map(hex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
  });

  it("verify every leaf's proof in trees of every shape up to 37 leaves, and nothing else", () => {
    const many = Array.from({ length: 37 }, (_, i) => leafHash(Buffer.from([i, i * 7])));
    for (let size = 1; size <= many.length; size++) {
      const leaves = many.slice(0, size);
      const root = rootOf(leaves);
      for (let i = 0; i < size; i++) {
        const path = inclusionPath(i, leaves);
        expect(hex(rootFromInclusion(i, size, leaves[i], path)), `leaf ${i} of ${size}`).toBe(hex(root));
        // Another leaf, another index or a changed path does not lead to the root.
        if (size > 1) {
          expect(hex(rootFromInclusion(i, size, leaves[(i + 1) % size], path))).not.toBe(hex(root));
          expect(hex(rootFromInclusion((i + 1) % size, size, leaves[i], path))).not.toBe(hex(root));
          const bent = path.map((p, k) => (k === 0 ? leafHash(p) : p));
          expect(hex(rootFromInclusion(i, size, leaves[i], bent))).not.toBe(hex(root));
        }
        expect(rootFromInclusion(i, size, leaves[i], [...path, leaves[0]])).toBeNull();
      }
    }
  });

  it("read the same paths and root off their levels, built once", () => {
    for (let size = 1; size <= 37; size++) {
      const leaves = Array.from({ length: size }, (_, i) => leafHash(Buffer.from([i, size])));
      const levels = treeLevels(leaves);
      expect(hex(levels[levels.length - 1][0])).toBe(hex(rootOf(leaves)));
      for (let i = 0; i < size; i++)
        expect(pathFromLevels(i, levels).map(hex), `leaf ${i} of ${size}`).toEqual(inclusionPath(i, leaves).map(hex));
    }
    expect(() => pathFromLevels(8, treeLevels(LEAVES))).toThrow(RangeError);
  });

  it("refuse an index outside the tree", () => {
    expect(rootFromInclusion(8, 8, LEAVES[0], [])).toBeNull();
    expect(rootFromInclusion(-1, 8, LEAVES[0], [])).toBeNull();
    expect(() => inclusionPath(8, LEAVES)).toThrow(RangeError);
  });
});
