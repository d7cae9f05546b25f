// A small HTTP client for OCSP responders and CRL distribution points: an overall deadline, a body cap,
// at most 3 redirects, http: and https: only. Failures are CertwatchErrors with a code and a hint.
import http from "node:http";
import https from "node:https";
import { CertwatchError } from "@/lib/errors";

export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchRequest {
  url: string;
  method: "GET" | "POST";
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchResponse {
  status: number;
  body: Buffer;
  contentType: string | null;
  /** The URL that answered, after redirects. */
  url: string;
}

/** The transport checkRevocation uses; tests and callers may substitute their own. */
export type RevocationFetch = (req: FetchRequest) => Promise<FetchResponse>;

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CertwatchError("REVOCATION_BAD_URL", `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CertwatchError("REVOCATION_BAD_URL", `${url.protocol} URLs are not fetched (${raw})`, null);
  }
  return url;
}

function once(req: FetchRequest, url: URL, deadline: number): Promise<FetchResponse & { location?: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === "https:" ? https : http;
    const headers = { ...req.headers, ...(req.body ? { "content-length": String(req.body.length) } : {}) };
    const r = lib.request(url, { method: req.method, headers, timeout: Math.max(1, deadline - Date.now()) });
    const fail = (e: CertwatchError) => {
      clearTimeout(timer);
      r.destroy();
      reject(e);
    };
    const timer = setTimeout(
      () =>
        fail(
          new CertwatchError(
            "REVOCATION_FETCH_TIMEOUT",
            `${url.href} did not answer within ${req.timeoutMs} ms`,
          ),
        ),
      Math.max(1, deadline - Date.now()),
    );
    r.on("timeout", () => r.emit("error", new Error("socket timeout")));
    r.on("error", (e) => {
      clearTimeout(timer);
      reject(
        e instanceof CertwatchError
          ? e
          : new CertwatchError("REVOCATION_FETCH_FAILED", `${url.href} could not be fetched: ${e.message}`),
      );
    });
    r.on("response", (res) => {
      const declared = Number(res.headers["content-length"] ?? 0);
      const tooLarge = () =>
        fail(
          new CertwatchError(
            "REVOCATION_FETCH_TOO_LARGE",
            `${url.href} sent more than ${req.maxBytes} bytes`,
          ),
        );
      if (declared > req.maxBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > req.maxBytes) tooLarge();
        else chunks.push(c);
      });
      res.on("error", (e) => r.emit("error", e));
      res.on("end", () => {
        clearTimeout(timer);
        if (size > req.maxBytes) return;
        const location = res.headers.location;
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: res.headers["content-type"] ?? null,
          url: url.href,
          ...(location ? { location } : {}),
        });
      });
    });
    r.end(req.body);
  });
}

export const cappedFetch: RevocationFetch = async (req) => {
  const deadline = Date.now() + req.timeoutMs;
  let url = parseUrl(req.url);
  let current = req;
  for (let hop = 0; ; hop++) {
    const res = await once(current, url, deadline);
    if (!(REDIRECTS.has(res.status) && res.location)) return res;
    if (hop >= MAX_REDIRECTS) {
      throw new CertwatchError(
        "REVOCATION_TOO_MANY_REDIRECTS",
        `${req.url} redirected more than ${MAX_REDIRECTS} times`,
      );
    }
    url = parseUrl(new URL(res.location, url).href);
    // 307/308 repeat the request as is; the others turn it into a plain GET.
    if (res.status !== 307 && res.status !== 308) current = { ...current, method: "GET", body: undefined };
  }
};
