// A small HTTP(S) client for URLs that certificates choose (AIA, OCSP, CRL): bounded in time, size and
// redirects, and every hop's address is checked against the address policy before connecting.
import http from "node:http";
import https from "node:https";
import { isIP, type Socket } from "node:net";
import { CertwatchError } from "@/lib/errors";
import type { AddressPolicy } from "@/lib/net/address-policy";
import { resolveTargets } from "@/lib/net/resolve";
import { classifyTlsError } from "@/lib/tls/tls-errors";

export interface FetchLimitedOptions {
  url: string;
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** Covers every hop: resolution, connect, request and body. Default 10 s. */
  timeoutMs?: number;
  /** Body size cap; larger bodies fail with RESPONSE_TOO_LARGE. Default 1 MiB. */
  maxBytes?: number;
  /** Default 0: a redirect is returned as the response. */
  maxRedirects?: number;
  /** Default: the scanner's default policy (no metadata/link-local). */
  policy?: AddressPolicy;
  /** Stop after the headers (the body is not read). */
  headersOnly?: boolean;
  signal?: AbortSignal;
  /** Use this connection instead of resolving the URL's host (which then only names the Host header). */
  connection?: Socket;
}

export interface LimitedResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header names (lowercase) with their values in arrival order, duplicates kept. */
  rawHeaders: [string, string][];
  body: Buffer;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

export async function fetchLimited(opts: FetchLimitedOptions): Promise<LimitedResponse> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let url = parseUrl(opts.url);
  for (let hop = 0; ; hop++) {
    const response = await oneRequest(url, opts, deadline);
    const location = response.headers.location;
    const redirect = response.status >= 300 && response.status < 400 && location;
    if (!redirect || hop >= (opts.maxRedirects ?? 0) || opts.connection) return response;
    url = parseUrl(new URL(location, url).toString());
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CertwatchError("INVALID_URL", `"${raw.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CertwatchError("INVALID_URL", `Only http and https URLs are fetched, not ${url.protocol}`);
  }
  return url;
}

async function oneRequest(url: URL, opts: FetchLimitedOptions, deadline: number): Promise<LimitedResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const address = opts.connection
    ? null
    : (await resolveTargets(host, { all: false, policy: opts.policy }))[0]!;
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw timeout(url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<LimitedResponse>((resolve, reject) => {
    const req = client.request(url, {
      method: opts.method ?? "GET",
      headers: {
        host: url.host,
        "user-agent": "certwatch",
        accept: "*/*",
        connection: "close",
        ...opts.headers,
      },
      signal: opts.signal,
      // Connect to the address we checked, not to whatever a second lookup might return.
      ...(address
        ? {
            agent: false,
            host: address.address,
            family: address.family,
            servername: isIP(host) ? undefined : host,
          }
        : { createConnection: () => opts.connection! }),
    });
    const fail = (err: unknown) => {
      clearTimeout(timer);
      req.destroy();
      reject(
        err instanceof CertwatchError ? err : classifyTlsError(err, { host, port: Number(url.port) || 0 }),
      );
    };
    const timer = setTimeout(() => fail(timeout(url)), remaining);
    req.on("error", fail);
    req.on("response", (res) => {
      const done = (body: Buffer) => {
        clearTimeout(timer);
        res.destroy();
        resolve({
          url: url.toString(),
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: pairs(res.rawHeaders),
          body,
        });
      };
      if (opts.headersOnly || opts.method === "HEAD") return done(Buffer.alloc(0));
      readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES, url).then(done, fail);
    });
    req.end(opts.body);
  });
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
}

function readCapped(res: http.IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers["content-length"]);
    if (declared > maxBytes) return reject(tooLarge(url, maxBytes));
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return reject(tooLarge(url, maxBytes));
      chunks.push(chunk);
    });
    res.on("end", () => resolve(Buffer.concat(chunks)));
    res.on("error", reject);
    res.on("aborted", () =>
      reject(new CertwatchError("CONNECTION_RESET", `${url.host} closed the connection mid-response`)),
    );
  });
}

const timeout = (url: URL) =>
  new CertwatchError(
    "HTTP_TIMEOUT",
    `${url.host} did not answer ${url.pathname} in time`,
    "The server or its network is slow or down.",
  );

const tooLarge = (url: URL, max: number) =>
  new CertwatchError(
    "RESPONSE_TOO_LARGE",
    `The response from ${url.host} is larger than ${Math.round(max / 1024)} KB`,
    null,
  );
