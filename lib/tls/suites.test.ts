import { describe, expect, it } from "vitest";
import {
  ALL_SUITES,
  LEGACY_SUITES,
  suiteByCode,
  suiteByName,
  suiteLabel,
  TLS13_SUITES,
  toCipherSuiteFacts,
} from "./suites";

describe("cipher suite registry", () => {
  it("covers the ranges the enumerator offers, without duplicates", () => {
    const codes = new Set(ALL_SUITES.map((s) => s.code));
    expect(codes.size).toBe(ALL_SUITES.length);
    for (const c of [
      0x0003, 0x0006, 0x0008, 0x000b, 0x000e, 0x0011, 0x0014, 0x0017, 0x0019, 0x0060, 0x0065,
    ]) {
      expect(suiteByCode(c)?.export, suiteLabel(c)).toBe(true);
    }
    for (let c = 0xc001; c <= 0xc0b5; c++) expect(codes.has(c), c.toString(16)).toBe(true);
    for (let c = 0xcca8; c <= 0xccae; c++) expect(codes.has(c)).toBe(true);
    expect(TLS13_SUITES.map((s) => s.hex)).toEqual([
      "0x1301",
      "0x1302",
      "0x1303",
      "0x1304",
      "0x1305",
      "0xC0B4",
      "0xC0B5",
    ]);
    expect(LEGACY_SUITES.length).toBeGreaterThan(300);
  });

  it("derives attributes from the IANA name", () => {
    const gcm = suiteByName("ECDHE-RSA-AES128-GCM-SHA256")!;
    expect(gcm).toMatchObject({
      code: 0xc02f,
      keyExchange: "ECDHE",
      authentication: "RSA",
      bits: 128,
      aead: true,
    });
    expect(gcm).toMatchObject({ forwardSecrecy: true, cbc: false, tls12Only: true });
    const des3 = suiteByName("TLS_RSA_WITH_3DES_EDE_CBC_SHA")!;
    expect(des3).toMatchObject({
      bits: 112,
      nominalBits: 168,
      block64: true,
      cbc: true,
      forwardSecrecy: false,
    });
    expect(suiteByName("RC4-SHA")).toMatchObject({ rc4: true, bits: 128, keyExchange: "RSA" });
    expect(suiteByName("ADH-AES128-SHA")).toMatchObject({
      anonymous: true,
      forwardSecrecy: false,
      keyExchange: "DH_anon",
    });
    expect(suiteByName("NULL-SHA256")).toMatchObject({ nullCipher: true, bits: 0, tls12Only: true });
    expect(suiteByName("TLS_AES_128_CCM_8_SHA256")).toMatchObject({
      tls13: true,
      aead: true,
      cipher: "AES_128_CCM_8",
    });
    expect(suiteByName("TLS_SHA384_SHA384")).toMatchObject({ tls13: true, nullCipher: true, mac: "SHA384" });
    expect(suiteByName("EXP-EDH-RSA-DES-CBC-SHA")).toMatchObject({
      export: true,
      bits: 40,
      keyExchange: "DHE",
    });
    expect(suiteByName("TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8")).toMatchObject({
      aead: true,
      bits: 256,
      mac: "AEAD",
    });
    expect(suiteByName("DES-CBC-SHA")).toMatchObject({ bits: 56, export: false });
  });

  it("maps onto the Assessment shape", () => {
    expect(toCipherSuiteFacts("TLSv1.3", 0x1302, "ECDHE")).toEqual({
      protocol: "TLSv1.3",
      name: "TLS_AES_256_GCM_SHA384",
      code: "0x1302",
      keyExchange: "ECDHE",
      bits: 256,
      aead: true,
      forwardSecrecy: true,
    });
    expect(toCipherSuiteFacts("TLSv1.2", 0xff85).name).toBe("0xFF85");
  });
});
