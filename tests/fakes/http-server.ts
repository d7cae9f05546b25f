// Plain HTTP servers on 127.0.0.1:0 for tests: serve fixed routes (AIA issuers, OCSP, CRLs) or a handler.
import http from "node:http";
import { listen, type StartedServer } from "./tls-server";

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface StartedHttpServer extends StartedServer<http.Server> {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
}

export async function startHttpServer(
  routes: Record<string, Route> | ((req: http.IncomingMessage, res: http.ServerResponse) => void),
): Promise<StartedHttpServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if (typeof routes === "function") return routes(req, res);
    const route = routes[req.url ?? ""];
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(route.status ?? 200, route.headers).end(route.body ?? "");
  });
  const started = await listen(server);
  return { ...started, origin: `http://127.0.0.1:${started.port}`, requests };
}
