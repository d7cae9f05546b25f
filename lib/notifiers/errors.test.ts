import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotifierError, redactUrl, scrubSecrets } from "./errors";
import { parseRetryAfter } from "./http-post";

describe("redactUrl", () => {
  it("keeps scheme, host and port, hides path, query and credentials", () => {
    expect(redactUrl("https://hooks.slack.com/services/T1/B2/abcdef")).toBe("https://hooks.slack.com/***");
    expect(redactUrl("https://user:pw@example.com:8443/x?token=1")).toBe("https://example.com:8443/***");
    expect(redactUrl("https://example.com")).toBe("https://example.com");
    expect(redactUrl("not a url")).toBe("[invalid URL]");
  });
});

describe("scrubSecrets", () => {
  it("removes the secret, its encodings and echoed pieces of URLs and header values", () => {
    const url = "https://hooks.example.com/services/T0001/B0002/tokentokentoken24?key=abcdefgh";
    const text = `failed ${url} then tokentokentoken24 and key=abcdefgh; auth Bearer zyxwvutsrq9876`;
    const out = scrubSecrets(text, [url, "Bearer zyxwvutsrq9876"]);
    for (const s of ["tokentokentoken24", "abcdefgh", "zyxwvutsrq9876", "/services/"])
      expect(out).not.toContain(s);
  });

  it("never leaves a secret of 4+ characters in the output (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (secret, a, b) => {
          const out = scrubSecrets(`${a}${secret}${b}${Buffer.from(secret).toString("base64")}`, [secret]);
          // The secret cannot survive unless the *** replacement itself rebuilt it.
          if (!secret.includes("*")) expect(out.includes(secret)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("NotifierError", () => {
  it("is retryable for unreachable and rate limited, and serialises retryAfterMs", () => {
    expect(new NotifierError("NOTIFIER_UNREACHABLE", "m", null).retryable).toBe(true);
    expect(new NotifierError("NOTIFIER_REJECTED", "m", null).retryable).toBe(false);
    const e = new NotifierError("NOTIFIER_RATE_LIMITED", "m", "h", { retryAfterMs: 5000 });
    expect(e.toJSON()).toEqual({
      code: "NOTIFIER_RATE_LIMITED",
      message: "m",
      hint: "h",
      retryable: true,
      retryAfterMs: 5000,
    });
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-03-01T06:00:00Z");
  it("reads seconds and HTTP dates, with a floor, a cap and a default", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 06:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("0", now)).toBe(1000);
    expect(parseRetryAfter("999999", now)).toBe(3_600_000);
    expect(parseRetryAfter(null, now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBe(30_000);
  });
});
