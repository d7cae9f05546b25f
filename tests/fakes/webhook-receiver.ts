// A local HTTP receiver for Slack and generic webhook tests: records every request and answers from a
// programmable queue (e.g. 429 with Retry-After, then 200).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface ResponseSpec {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer after this long (bounded at 10 s): lets a test exceed the notifier's timeout. */
  delayMs?: number;
}

const MAX_BODY = 1_000_000;
const MAX_DELAY_MS = 10_000;

export class WebhookReceiver {
  readonly requests: RecordedRequest[] = [];
  private queue: ResponseSpec[] = [];
  private fallback: ResponseSpec = { status: 200, body: "ok" };
  private server: Server | null = null;
  private timers = new Set<NodeJS.Timeout>();

  /** Queue responses for the next requests; after they are used up, `fallback` answers (200 "ok"). */
  respondWith(...responses: ResponseSpec[]): this {
    this.queue.push(...responses);
    return this;
  }

  setFallback(response: ResponseSpec): this {
    this.fallback = response;
    return this;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on("end", () => {
        this.requests.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          rawBody: Buffer.concat(chunks).toString("utf8"),
        });
        this.answer(res, this.queue.shift() ?? this.fallback);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.server = server;
    return this.baseUrl;
  }

  get baseUrl(): string {
    if (!this.server) throw new Error("WebhookReceiver not started");
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(res: ServerResponse, spec: ResponseSpec): void {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(spec.status, { "content-type": "text/plain", ...spec.headers });
      res.end(spec.body ?? "");
    };
    if (!spec.delayMs) {
      send();
      return;
    }
    const t = setTimeout(
      () => {
        this.timers.delete(t);
        send();
      },
      Math.min(spec.delayMs, MAX_DELAY_MS),
    );
    this.timers.add(t);
  }
}
