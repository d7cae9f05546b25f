import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { alertDescription, alertOf, classifyTlsError, looksLikeNotTls, opensslReason } from "./tls-errors";

const ctx = { host: "example.test", port: 443, ip: "192.0.2.1" };
const err = (code: string, message = code) => Object.assign(new Error(message), { code });
const ALERT_40 =
  "808CE848547F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40\n";

describe("classifyTlsError", () => {
  it.each([
    ["ECONNREFUSED", "CONNECTION_REFUSED"],
    ["ENOTFOUND", "DNS_NOT_FOUND"],
    ["EAI_AGAIN", "DNS_NOT_FOUND"],
    ["EHOSTUNREACH", "HOST_UNREACHABLE"],
    ["ENETUNREACH", "HOST_UNREACHABLE"],
    ["ETIMEDOUT", "TIMEOUT"],
    ["CERTWATCH_TIMEOUT", "TIMEOUT"],
    ["ECONNRESET", "CONNECTION_RESET"],
    ["ERR_SSL_UNEXPECTED_EOF_WHILE_READING", "CONNECTION_RESET"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "NOT_TLS"],
    ["ERR_SSL_PACKET_LENGTH_TOO_LONG", "NOT_TLS"],
    ["ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", "HANDSHAKE_ALERT"],
    ["ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "HANDSHAKE_ALERT"],
    ["ERR_SSL_TLSV1_UNRECOGNIZED_NAME", "HANDSHAKE_ALERT"],
    ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "CLIENT_CERT_REQUIRED"],
    ["ERR_SSL_UNSUPPORTED_PROTOCOL", "PROTOCOL_ERROR"],
    ["ERR_SSL_EXCESSIVE_MESSAGE_SIZE", "PROTOCOL_ERROR"],
    ["EWHATEVER", "TLS_ERROR"],
  ])("%s → %s", (code, expected) => {
    const e = classifyTlsError(err(code), ctx);
    expect(e).toBeInstanceOf(CertwatchError);
    expect(e.code).toBe(expected);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it("explains handshake_failure as no protocol/cipher in common", () => {
    const e = classifyTlsError(err("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", ALERT_40), ctx);
    expect(e.message).toContain("handshake_failure");
    expect(e.hint).toMatch(/cipher/);
  });

  it("reads handshake_failure after ServerHelloDone as a client certificate refusal", () => {
    const e = classifyTlsError(err("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", ALERT_40), {
      ...ctx,
      keysDerived: true,
    });
    expect(e.code).toBe("CLIENT_CERT_REQUIRED");
  });

  it("gives the plain-HTTP hint with the port", () => {
    const e = classifyTlsError(err("ERR_SSL_WRONG_VERSION_NUMBER"), { ...ctx, port: 8080, banner: "http" });
    expect(e.message).toContain("plain HTTP");
    expect(e.hint).toContain("did you mean 443");
  });

  it("says SMTP needs STARTTLS", () => {
    const e = classifyTlsError(err("ERR_SSL_WRONG_VERSION_NUMBER"), { ...ctx, port: 25, banner: "smtp" });
    expect(e.hint).toContain("STARTTLS");
  });

  it("treats a TLS banner as a protocol error, not NOT_TLS", () => {
    expect(classifyTlsError(err("ERR_SSL_WRONG_VERSION_NUMBER"), { ...ctx, banner: "tls" }).code).toBe(
      "PROTOCOL_ERROR",
    );
  });

  it("tells connect timeouts from handshake timeouts", () => {
    const c = classifyTlsError(err("CERTWATCH_TIMEOUT"), { ...ctx, phase: "connect", timeoutMs: 5000 });
    const h = classifyTlsError(err("CERTWATCH_TIMEOUT"), { ...ctx, phase: "handshake" });
    expect(c.message).toContain("TCP connection");
    expect(c.message).toContain("5000 ms");
    expect(h.hint).toContain("STARTTLS");
  });

  it("passes CertwatchErrors through and handles non-Error throws", () => {
    const own = new CertwatchError("ABORTED", "x");
    expect(classifyTlsError(own, ctx)).toBe(own);
    expect(classifyTlsError("weird", ctx).code).toBe("TLS_ERROR");
    expect(classifyTlsError(null, ctx).code).toBe("TLS_ERROR");
  });
});

describe("alert helpers", () => {
  it("finds alerts by number or by code", () => {
    expect(alertOf("", ALERT_40)).toBe(40);
    expect(alertOf("ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR", "")).toBe(80);
    expect(alertOf("ERR_SSL_WRONG_VERSION_NUMBER", "")).toBeNull();
    expect(alertDescription(112)).toBe("unrecognized_name");
    expect(alertDescription(250)).toBe("alert 250");
  });

  it("extracts the OpenSSL reason", () => {
    expect(opensslReason(ALERT_40)).toBe("sslv3 alert handshake failure");
    expect(opensslReason("nothing")).toBeNull();
  });

  it("knows which codes mean the reply was not TLS", () => {
    expect(looksLikeNotTls(err("ERR_SSL_WRONG_VERSION_NUMBER"))).toBe(true);
    expect(looksLikeNotTls(err("ECONNRESET"))).toBe(false);
  });
});
