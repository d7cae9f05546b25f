import { describe, expect, it } from "vitest";
import { scoreToLetter, worseLetter } from "./letters";
import { combineScores } from "./scores";

describe("scoreToLetter", () => {
  it("puts 80 in A and 79.99 in B", () => {
    expect(scoreToLetter(80)).toBe("A");
    expect(scoreToLetter(79.99)).toBe("B");
  });
  it("follows RG table 1 at every threshold", () => {
    const cases: [number, string][] = [
      [65, "B"],
      [64.99, "C"],
      [50, "C"],
      [49.99, "D"],
      [35, "D"],
      [34.99, "E"],
      [20, "E"],
      [19.99, "F"],
      [0, "F"],
    ];
    for (const [score, letter] of cases) expect(scoreToLetter(score)).toBe(letter);
  });
  it("keeps 0.3·100 + 0.3·100 + 0.4·50 at exactly 80 (no float drift below A)", () => {
    expect(combineScores(100, 100, 50)).toBe(80);
    expect(scoreToLetter(combineScores(100, 100, 50))).toBe("A");
  });
  it("uses floats: 95·0.3 stays 28.5 rather than testssl's floored 28", () => {
    expect(combineScores(95, 90, 60)).toBe(79.5);
  });
});

describe("worseLetter", () => {
  it("picks the lower letter", () => {
    expect(worseLetter("A", "B")).toBe("B");
    expect(worseLetter("F", "A-")).toBe("F");
    expect(worseLetter("A+", "A")).toBe("A");
  });
});
