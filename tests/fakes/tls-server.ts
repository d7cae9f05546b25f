// A real node:tls server on 127.0.0.1 for tests: give it a PEM chain and key, get a port back.
import type { AddressInfo, Server, Socket } from "node:net";
import tls from "node:tls";

export interface StartedServer<S extends Server = tls.Server> {
  port: number;
  server: S;
  close(): Promise<void>;
}

export type TlsServerOptions = Omit<tls.TlsOptions, "cert" | "key"> & {
  /** One PEM or several concatenated (with or without newlines between them), leaf first. */
  cert: string | string[];
  key: string;
  /** What to answer once the handshake is done; default: close politely. */
  onSecureConnection?: (socket: tls.TLSSocket) => void;
};

/** Split concatenated PEM blocks, tolerating blocks glued without a newline. */
export function splitPem(pem: string | string[]): string[] {
  const text = Array.isArray(pem) ? pem.join("\n") : pem;
  return text.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g)?.map((b) => `${b}\n`) ?? [];
}

export async function startTlsServer(options: TlsServerOptions): Promise<StartedServer> {
  const { cert, key, onSecureConnection, ...rest } = options;
  const server = tls.createServer({ ...rest, cert: splitPem(cert).join(""), key }, (socket) => {
    socket.on("error", () => {});
    if (onSecureConnection) onSecureConnection(socket);
    else socket.end();
  });
  server.on("tlsClientError", () => {});
  return listen(server);
}

/** Listen on 127.0.0.1:0 and return a closer that also drops open connections. */
export function listen<S extends Server>(server: S): Promise<StartedServer<S>> {
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      const close = () =>
        new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        });
      resolve({ port, server, close });
    });
  });
}
