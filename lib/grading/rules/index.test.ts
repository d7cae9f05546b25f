import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contextFor } from "../test-factory";
import { RULE_IDS, RULES } from "./index";

const here = fileURLToPath(new URL(".", import.meta.url));
const ruleFiles = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((f) => !["index", "finding", "certificates"].includes(f));

describe("rule registry", () => {
  it("registers every rule file under its file name, each with a test file", () => {
    expect([...RULE_IDS].sort()).toEqual([...ruleFiles].sort());
    const tests = new Set(readdirSync(here).filter((f) => f.endsWith(".test.ts")));
    for (const id of RULE_IDS) expect(tests.has(`${id}.test.ts`)).toBe(true);
  });
  it("finds nothing wrong with the modern configuration", () => {
    const ctx = contextFor();
    expect(RULE_IDS.filter((id) => RULES[id].check(ctx) !== null)).toEqual([]);
  });
});
