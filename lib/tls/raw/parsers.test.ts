import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCertwatchError } from "@/lib/errors";
import { buildClientHello } from "./client-hello";
import { parseClientHello } from "./client-hello-parse";
import { EXT, HRR_RANDOM, HS } from "./constants";
import { ResponseReader } from "./response-reader";
import { absorbFlightMessage, bitLength, emptyFlight } from "./server-flight";
import { parseServerHello } from "./server-hello";
import { alertRecord, buildServerHello, emptyHandshake } from "./server-hello-build";
import { parseSslv2ServerHello } from "./sslv2";

function onlyCertwatchErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    return isCertwatchError(e);
  }
}

const bytes = fc.uint8Array({ maxLength: 600 });
/** Bytes that start like a TLS record so the fuzzing reaches the handshake parsers. */
const tlsish = fc
  .tuple(fc.constantFrom(21, 22, 20, 23), fc.uint8Array({ maxLength: 400 }))
  .map(([type, rest]) => Uint8Array.from([type, 3, 3, rest.length >> 8, rest.length & 0xff, ...rest]));

describe("raw TLS parsers never throw anything but CertwatchError", () => {
  it("ResponseReader on random and TLS-shaped bytes, in random splits", () => {
    fc.assert(
      fc.property(
        fc.oneof(bytes, tlsish),
        fc.nat(50),
        fc.boolean(),
        fc.boolean(),
        (buf, cut, flight, sslv2) => {
          const r = new ResponseReader({ flight, sslv2 });
          return onlyCertwatchErrors(() => {
            r.push(buf.subarray(0, cut));
            r.push(buf.subarray(cut));
            r.finish();
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("message parsers on random bodies", () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(11, 12, 13, 14, 22, 99), (body, type) => {
        return (
          onlyCertwatchErrors(() => parseServerHello(body)) &&
          onlyCertwatchErrors(() => parseSslv2ServerHello(body)) &&
          onlyCertwatchErrors(() => parseClientHello(body)) &&
          onlyCertwatchErrors(() => absorbFlightMessage(type, body, null, emptyFlight()))
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("round trips", () => {
  it("built ClientHellos parse back", () => {
    const suite = fc.integer({ min: 1, max: 0xfeff });
    fc.assert(
      fc.property(
        fc.record({
          version: fc.constantFrom(0x0300, 0x0301, 0x0302, 0x0303),
          suites: fc.array(suite, { minLength: 1, maxLength: 200 }),
          sni: fc.option(fc.domain(), { nil: null }),
          alpn: fc.array(fc.constantFrom("h2", "http/1.1"), { maxLength: 2 }),
          tls13: fc.boolean(),
          padding: fc.boolean(),
        }),
        (o) => {
          const rec = buildClientHello({
            version: o.version,
            suites: o.suites,
            serverName: o.sni,
            alpn: o.alpn,
            supportedVersions: o.tls13 ? [0x0304] : undefined,
            compression: [1, 0],
            padding: o.padding,
          });
          expect(rec[0]).toBe(22);
          const body = rec.subarray(9, 9 + rec.readUIntBE(6, 3));
          const p = parseClientHello(body);
          expect(p.suites).toEqual(o.suites);
          expect(p.compression).toEqual([1, 0]);
          if (o.version >= 0x0301) {
            expect(p.serverName).toBe(o.sni);
            expect(p.alpn).toEqual(o.alpn);
            expect(p.supportedVersions).toEqual(o.tls13 ? [0x0304] : []);
          } else expect(p.extensions).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ServerHello fields, HelloRetryRequest and the ≤1.2 flight are read", () => {
    const hello = buildServerHello({
      version: 0x0304,
      suite: 0x1302,
      random: HRR_RANDOM,
      extensions: [
        { type: EXT.supportedVersions, data: Buffer.from([3, 4]) },
        { type: EXT.keyShare, data: Buffer.from([0, 0x17]) },
      ],
    });
    const r = new ResponseReader({ flight: true }).push(hello);
    expect(r).toMatchObject({
      kind: "hello",
      hello: { version: 0x0304, helloRetryRequest: true, keyShareGroup: 0x17 },
    });

    // DHE flight split byte by byte: ServerKeyExchange with a 1024-bit prime, CertificateRequest, Done.
    const p = Buffer.concat([Buffer.from([0x80]), Buffer.alloc(127, 1)]);
    const ske = Buffer.concat([Buffer.from([0, 128]), p, Buffer.from([0, 1, 2, 0, 1, 5])]);
    const skeRec = Buffer.concat([
      Buffer.from([22, 3, 3, 0, ske.length + 4, HS.serverKeyExchange, 0, 0, ske.length]),
      ske,
    ]);
    const flight = Buffer.concat([
      buildServerHello({
        version: 0x0303,
        suite: 0x009e,
        extensions: [{ type: EXT.renegotiationInfo, data: Buffer.from([0]) }],
      }),
      skeRec,
      emptyHandshake(HS.certificateRequest, 0x0303),
      emptyHandshake(HS.serverHelloDone, 0x0303),
    ]);
    const reader = new ResponseReader({ flight: true });
    let out = null;
    for (const b of flight) out ??= reader.push(Uint8Array.of(b));
    expect(out).toMatchObject({
      kind: "hello",
      hello: { cipherSuite: 0x009e, secureRenegotiation: true },
      flight: { dhBits: 1024, clientCertRequested: true, complete: true },
    });
  });

  it("alerts, and non-TLS answers get a hint", () => {
    expect(new ResponseReader().push(alertRecord(40))).toMatchObject({
      kind: "alert",
      name: "handshake_failure",
    });
    const http = () => new ResponseReader().push(Buffer.from("HTTP/1.1 400 Bad Request\r\n\r\n"));
    expect(http).toThrow(expect.objectContaining({ code: "NOT_TLS", hint: expect.stringContaining("443") }));
    const ssh = () => new ResponseReader().push(Buffer.from("SSH-2.0-OpenSSH_9.6\r\n"));
    expect(ssh).toThrow(expect.objectContaining({ code: "NOT_TLS" }));
    const smtp = () => new ResponseReader().push(Buffer.from("220 mx.example.com ESMTP\r\n"));
    expect(smtp).toThrow(expect.objectContaining({ hint: expect.stringContaining("STARTTLS") }));
    expect(bitLength(Uint8Array.of(0, 0, 1, 0))).toBe(9);
  });
});
