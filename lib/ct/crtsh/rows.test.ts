import { describe, expect, it } from "vitest";
import { fixture } from "../test-fixtures";
import { Watchlist } from "../watchlist";
import { isTruncated, parseCrtshRows, toRecords } from "./rows";

const rows = (name: string) => parseCrtshRows(fixture(`crtsh/${name}`));

describe("crt.sh rows", () => {
  it("merges precert and certificate rows (same issuer and serial) into one record", () => {
    const r = rows("crtsh_zxdev.com_2025-10.json");
    const records = toRecords(r, new Watchlist([".zxdev.com"]));
    expect(r).toHaveLength(8);
    expect(records).toHaveLength(5);
    const pair = records.find((x) => x.serial === "0676e3f05c270fa5af31a3a416ccc12fd074")!;
    expect(pair.crtshIds.sort()).toEqual([21155961688, 21155962885]);
    expect(pair.entryTimestamp?.toISOString()).toBe("2025-09-20T13:00:44.149Z");
    expect(pair.notAfter?.toISOString()).toBe("2025-12-19T12:02:13.000Z");
    expect(pair.names).toEqual(["*.zxdev.com", "zxdev.com"]);
  });

  it("post-filters crt.sh's loose matches with the watchlist's own rule", () => {
    const github = rows("crtsh_github.com_pre2023-format.json");
    expect(toRecords(github, new Watchlist(["github.com"]))).toHaveLength(2);
    expect(toRecords(github, new Watchlist(["support.enterprise.github.com"]))).toHaveLength(1);
    expect(toRecords(github, new Watchlist(["hub.com"]))).toHaveLength(0);
  });

  it("reads both the old format and the one with result_count", () => {
    expect(rows("crtsh_icheck.lbapps.com_pre2023-format.json")[0]?.result_count).toBeUndefined();
    expect(rows("crtsh_example.com_2026-04_single.json")[0]?.result_count).toBe(3);
  });

  it("detects the silent 10,000-row truncation", () => {
    const one = rows("crtsh_example.com_2026-04_single.json")[0]!;
    expect(isTruncated([one])).toBe(false);
    expect(isTruncated([{ ...one, result_count: 10_000 }])).toBe(true);
    expect(
      isTruncated(Array.from({ length: 10_000 }, (_, i) => ({ ...one, id: i, result_count: undefined }))),
    ).toBe(true);
  });

  it("refuses HTML and odd shapes with CRTSH_MALFORMED", () => {
    expect(() => parseCrtshRows("<html>")).toThrow(/JSON/);
    expect(() => parseCrtshRows('[{"id":"x"}]')).toThrow(/shape/);
  });
});
