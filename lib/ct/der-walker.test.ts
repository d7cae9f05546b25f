import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { formatName, readSans, readSubjectCommonNames, readValidity } from "./der-names";
import { serialHex } from "./der-strings";
import { locateCertificateTbs, locateTbs } from "./der-walker";
import { parseLeafInput } from "./rfc6962-entry";
import { b64, fixtureJson, NAVIGLI, NAVIGLI_TILES, navigliDataTile } from "./test-fixtures";
import { parseDataTile } from "./tile-leaf";

const sanDns = (der: Uint8Array, L: ReturnType<typeof locateTbs>) => {
  const s = readSans(der, L).dns;
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 2)
    out.push(Buffer.from(der.subarray(s[i]!, s[i + 1]!)).toString("latin1"));
  return out;
};

describe("DER walker on real certificates", () => {
  it("extracts the same facts as node:crypto for all 1024 Navigli precerts", () => {
    for (const name of NAVIGLI_TILES) {
      const names = readFileSync(path.join(NAVIGLI, "tile/names", name), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      parseDataTile(navigliDataTile(name)).forEach((leaf, i) => {
        if (leaf.entry.entryType !== "precert") throw new Error("expected precert");
        const tbs = leaf.entry.tbsDer;
        const L = locateTbs(tbs);
        const x = new X509Certificate(leaf.preCertificate!);
        expect(sanDns(tbs, L)).toEqual(names[i].DNS);
        expect(x.subjectAltName?.split(", ").map((s) => s.replace(/^DNS:/, ""))).toEqual(names[i].DNS);
        expect(readSubjectCommonNames(tbs, L)).toEqual(
          names[i].Subject?.CommonName ? [names[i].Subject.CommonName] : [],
        );
        expect(formatName(tbs, L.issuerStart, L.issuerEnd)).toBe(x.issuer.split("\n").reverse().join(", "));
        expect(serialHex(tbs, L.serialStart, L.serialEnd)).toBe(
          x.serialNumber.toLowerCase().replace(/^0+(?=.)/, ""),
        );
        const v = readValidity(tbs, L);
        expect(v.notBefore?.getTime()).toBe(new Date(x.validFrom).getTime());
        expect(v.notAfter?.getTime()).toBe(new Date(x.validTo).getTime());
      });
    }
  });

  it("reads the Argon2026h1 precert (drvpn.cdm.ge, Let's Encrypt R13)", () => {
    const e = parseLeafInput(
      b64(fixtureJson("rfc6962/argon2026h1_inclusion_proof_1234567890.json").leaf_input),
    );
    if (e.entryType !== "precert") throw new Error("expected precert");
    const L = locateTbs(e.tbsDer);
    expect(readSubjectCommonNames(e.tbsDer, L)).toEqual(["drvpn.cdm.ge"]);
    expect(formatName(e.tbsDer, L.issuerStart, L.issuerEnd)).toBe("CN=R13, O=Let's Encrypt, C=US");
    const v = readValidity(e.tbsDer, L);
    expect(v.notBefore?.toISOString()).toBe("2025-12-08T01:32:27.000Z");
    expect(v.notAfter?.toISOString()).toBe("2026-03-08T01:32:26.000Z");
  });

  it("handles EV subjects with many attribute types and string kinds", () => {
    const e = parseLeafInput(
      b64(fixtureJson("rfc6962/rfc6962_entry_samples.json").entries.ctgo_x509_entry.leaf_input),
    );
    if (e.entryType !== "x509") throw new Error("expected x509");
    const L = locateCertificateTbs(e.certDer);
    const x = new X509Certificate(e.certDer);
    expect(readSubjectCommonNames(e.certDer, L)).toEqual(["csrcn.ssl24.jp"]);
    expect(sanDns(e.certDer, L)).toEqual(["csrcn.ssl24.jp"]);
    expect(formatName(e.certDer, L.issuerStart, L.issuerEnd)).toBe(x.issuer.split("\n").reverse().join(", "));
    expect(formatName(e.certDer, L.subjectStart, L.subjectEnd)).toMatch(
      /^CN=csrcn.ssl24.jp, O=O, OU=OU2, OU=OU1, STREET=ev address 3/,
    );
    expect(L.sctExtStart).toBeGreaterThan(0);
  });

  it("throws CT_MALFORMED on broken structure and fails safe on broken names", () => {
    expect(() => locateTbs(Buffer.alloc(0))).toThrow(CertwatchError);
    const leaf = parseDataTile(navigliDataTile("000"))[0]!;
    if (leaf.entry.entryType !== "precert") throw new Error("expected precert");
    const good = Buffer.from(leaf.entry.tbsDer);
    expect(() => locateTbs(good.subarray(0, good.length - 5))).toThrow(CertwatchError);
    const L = locateTbs(good);
    // Corrupt the SAN's GeneralNames header: the walker reports it instead of throwing.
    const broken = Buffer.from(good);
    broken[L.sanStart + 1] = 0xff;
    expect(readSans(broken, L).unparsable).toBe(true);
    const brokenCn = Buffer.from(good);
    brokenCn[L.subjectStart + 1] = 0x7f;
    expect(readSubjectCommonNames(brokenCn, L)).toContain("<unparsable>");
    expect(formatName(brokenCn, L.subjectStart, L.subjectEnd)).toBe("<unparsable>");
  });
});
