import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { type CtLog, parseLogList } from "./log-list";
import { encodeDigitallySigned, logIdFromKey, parseDigitallySigned, treeHeadSignedInput } from "./signatures";
import { signSth, signTreeHead } from "./signing";
import { parseGetSth, verifySth } from "./sth";
import { b64, fixture, fixtureJson } from "./test-fixtures";

const allLogs: CtLog[] = ["gstatic_v3_all_logs_list.json", "crtsh_v3_all_all_logs_list.json"].flatMap(
  (f) => parseLogList(fixture(`loglists/${f}`)).logs,
);
const keyFor = (logId: string) => allLogs.find((l) => l.logId === logId)!.key;
const sths = fixtureJson("rfc6962/sth_samples.json").sths;

describe("tree head signatures", () => {
  it("verifies all four real STHs (Pilot 2014/2018, Aviator final, Argon2026h1)", () => {
    for (const s of sths) {
      const sth = parseGetSth(s);
      expect(logIdFromKey(keyFor(s.log_id)).toString("base64")).toBe(s.log_id);
      expect(verifySth(sth, keyFor(s.log_id))).toBe(sth);
    }
  });

  it("rejects a changed size, timestamp or root, and a key from another log", () => {
    const s = sths[3];
    const sth = parseGetSth(s);
    const key = keyFor(s.log_id);
    expect(() => verifySth({ ...sth, treeSize: sth.treeSize + 1 }, key)).toThrow(/does not verify/);
    expect(() => verifySth({ ...sth, timestamp: sth.timestamp + 1 }, key)).toThrow(CertwatchError);
    expect(() => verifySth({ ...sth, rootHash: Buffer.alloc(32) }, key)).toThrow(CertwatchError);
    expect(() => verifySth(sth, keyFor(sths[0].log_id))).toThrow(CertwatchError);
  });

  it("rejects the SYNTHETIC four-entry STH's placeholder signature", () => {
    const sth = parseGetSth(fixtureJson("rfc6962/ctgo_scanner_2013_four_entries_SYNTHETIC_sth.json"));
    expect(sth.signature.hashAlgorithm).toBe(0);
    expect(() => verifySth(sth, keyFor(sths[0].log_id))).toThrow(/does not verify/);
  });

  it("builds the 50-byte RFC 6962 §3.5 signed input", () => {
    const input = treeHeadSignedInput({ treeSize: 2, timestamp: 1, rootHash: Buffer.alloc(32, 0xab) });
    expect(input).toHaveLength(50);
    expect(input.subarray(0, 2)).toEqual(Buffer.from([0, 1]));
    expect(input.readBigUInt64BE(2)).toBe(1n);
    expect(input.readBigUInt64BE(10)).toBe(2n);
  });

  it("round-trips DigitallySigned and rejects malformed get-sth bodies", () => {
    const ds = parseDigitallySigned(b64(sths[0].tree_head_signature));
    expect(ds).toMatchObject({ hashAlgorithm: 4, signatureAlgorithm: 3 });
    expect(encodeDigitallySigned(ds).toString("base64")).toBe(sths[0].tree_head_signature);
    expect(() => parseGetSth({ ...sths[0], sha256_root_hash: "AAAA" })).toThrow(/32 bytes/);
    expect(() => parseGetSth({ ...sths[0], tree_size: -1 })).toThrow(CertwatchError);
    expect(() => parseGetSth(null)).toThrow(CertwatchError);
  });

  it("signs tree heads for fake logs with EC P-256 and RSA keys", () => {
    const th = { treeSize: 10, timestamp: Date.UTC(2026, 0, 1), rootHash: Buffer.alloc(32, 7) };
    for (const { privateKey, publicKey } of [
      generateKeyPairSync("ec", { namedCurve: "P-256" }),
      generateKeyPairSync("rsa", { modulusLength: 2048 }),
    ]) {
      const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
      const spki = publicKey.export({ type: "spki", format: "der" }).toString("base64");
      expect(verifySth(parseGetSth(signSth(th, pem)), spki).treeSize).toBe(10);
      expect(signTreeHead(th, privateKey).signatureAlgorithm).toBe(
        privateKey.asymmetricKeyType === "rsa" ? 1 : 3,
      );
    }
  });

  it("reports a bad key as CT_BAD_KEY", () => {
    expect(() => logIdFromKey("bm90IGEga2V5")).toThrow(/not a valid SubjectPublicKeyInfo/);
  });
});
