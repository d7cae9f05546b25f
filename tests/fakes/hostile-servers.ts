// Servers that misbehave on purpose, each on 127.0.0.1:0, for the probe's failure paths.
import net from "node:net";
import { type Issued, issue } from "./pki";
import { listen, type StartedServer, startTlsServer } from "./tls-server";

function tcpServer(onConnection: (socket: net.Socket) => void): Promise<StartedServer<net.Server>> {
  return listen(
    net.createServer((socket) => {
      socket.on("error", () => {});
      onConnection(socket);
    }),
  );
}

/** Answers any connection with bytes that are not TLS. */
export function startGarbageServer(bytes = Buffer.from("\x00\x01garbage\xffgarbage\r\n")) {
  return tcpServer((s) => s.end(bytes));
}

/** Accepts TCP and never says anything. */
export function startSilentServer() {
  return tcpServer(() => {});
}

/** Accepts TCP and resets it at once. */
export function startClosingServer() {
  return tcpServer((s) => s.resetAndDestroy());
}

/** Greets first, like SSH or SMTP. */
export function startBannerServer(banner: string) {
  return tcpServer((s) => s.write(banner));
}

/** Plain HTTP/1.1 on a port where TLS was expected: answers whatever arrives with a 400. */
export function startPlainHttpServer() {
  return tcpServer((s) =>
    s.once("data", () => s.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")),
  );
}

/** A leaf with `count` short DNS SANs, issued by `issuer` (short names keep the handshake under 100 KB). */
export function issueManySans(issuer: Issued, count = 10_000) {
  const dnsNames = Array.from({ length: count }, (_, i) => `h${i.toString(36)}.t`);
  return issue(issuer, { subject: "CN=many-sans.test", dnsNames: ["localhost", ...dnsNames] });
}

export async function startManySansServer(count = 10_000) {
  const root = await issue(null, { subject: "CN=Many SANs Root", ca: true });
  const leaf = await issueManySans(root, count);
  const server = await startTlsServer({ cert: leaf.pem, key: leaf.keyPem });
  return { ...server, root, leaf };
}

/** A real chain `depth` certificates long (root → depth-2 intermediates → leaf), all sent. */
export async function makeDeepChain(depth = 50): Promise<Issued[]> {
  const root = await issue(null, { subject: "CN=Deep Root", ca: true, notAfterDays: 3650 });
  const chain: Issued[] = [root];
  for (let i = 1; i < depth - 1; i++) {
    chain.push(
      await issue(chain[i - 1]!, { subject: `CN=Deep Intermediate ${i}`, ca: true, notAfterDays: 3000 }),
    );
  }
  chain.push(await issue(chain.at(-1)!, { dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"] }));
  return chain.reverse();
}

export async function startDeepChainServer(depth = 50) {
  const chain = await makeDeepChain(depth);
  const server = await startTlsServer({ cert: chain.map((c) => c.pem), key: chain[0]!.keyPem });
  return { ...server, chain };
}
