import { describe, expect, it } from "vitest";
import { language, negotiateLanguage, placeholders, render, say, withLanguage } from "./i18n.js";

describe("Accept-Language", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["vi", "vi"],
    ["vi-VN", "vi"],
    ["VI-vn,vi;q=0.9", "vi"],
    ["en-US,en;q=0.9,vi;q=0.8", "en"],
    ["fr-FR,vi;q=0.5,en;q=0.4", "vi"],
    ["vi;q=0.3, en;q=0.3", "vi"],
    ["en;q=0.3, vi;q=0.3", "en"],
    ["fr, de", "en"],
    ["vi;q=0", "en"],
    ["vi;q=abc", "en"],
    ["*", "en"],
    [["en;q=0.1", "vi"], "vi"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLanguage(header as string | string[] | undefined)).toBe(expected);
  });

  it("reads a bounded part of a hostile header", () => {
    expect(negotiateLanguage(`${"x-y;q=0.5,".repeat(10_000)}vi`)).toBe("en");
  });
});

describe("templates", () => {
  it("fill their placeholders, and leave one without a value as written", () => {
    expect(render("{a} và {b}", { a: 1, b: "hai" })).toBe("1 và hai");
    expect(render("{a} and {missing}", { a: "x" })).toBe("x and {missing}");
    expect(placeholders("{a} {b} {a}")).toEqual(["a", "b"]);
  });

  it("say a message in the language of the work it runs in", async () => {
    const message = { en: "Hello {name}", vi: "Xin chào {name}" };
    expect(language()).toBe("en");
    expect(say(message, { name: "An" })).toBe("Hello An");
    const inside = await withLanguage("vi", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return say(message, { name: "An" });
    });
    expect(inside).toBe("Xin chào An");
    expect(say(message, { name: "An" })).toBe("Hello An");
  });

  it("keep each of overlapping requests in its own language, again after every Vietnamese one has ended", async () => {
    const message = { en: "Hello", vi: "Xin chào" };
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    const request = (lang: "en" | "vi", said: string[]) =>
      withLanguage(lang, async () => {
        said.push(say(message));
        await tick();
        said.push(say(message));
        await tick();
        said.push(say(message));
      });
    for (let round = 0; round < 2; round++) {
      const vi: string[] = [];
      const en: string[] = [];
      const viLate: string[] = [];
      await Promise.all([request("vi", vi), request("en", en), tick().then(() => request("vi", viLate))]);
      expect(vi).toEqual(["Xin chào", "Xin chào", "Xin chào"]);
      expect(en).toEqual(["Hello", "Hello", "Hello"]);
      expect(viLate).toEqual(["Xin chào", "Xin chào", "Xin chào"]);
      // An English run inside a Vietnamese one is English; the outer one stays Vietnamese after it.
      expect(await withLanguage("vi", async () => [withLanguage("en", () => say(message)), (await tick(), say(message))])).toEqual([
        "Hello",
        "Xin chào",
      ]);
      expect(say(message)).toBe("Hello");
      expect(() =>
        withLanguage("vi", () => {
          throw new Error("refused");
        }),
      ).toThrow("refused");
      expect(language()).toBe("en");
    }
  });
});
