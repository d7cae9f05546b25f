import tls from "node:tls";
import { ALPN_CANDIDATES } from "./enum-extras";
import type { ProbeSession } from "./session";

function negotiate(s: ProbeSession, protocol: string): Promise<boolean> {
  const { ip, port, sni, timeoutMs } = s.opts;
  return new Promise((resolve) => {
    // TLS 1.3 encrypts the ALPN answer, so a raw hello cannot see it: complete a real handshake instead.
    // Trust is measured elsewhere; here only the negotiated protocol matters.
    const sock = tls.connect({
      host: ip,
      port,
      servername: sni ?? undefined,
      ALPNProtocols: [protocol],
      minVersion: "TLSv1.3",
      rejectUnauthorized: false,
    });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once("secureConnect", () => done(sock.alpnProtocol === protocol));
    sock.once("error", () => done(false));
  });
}

/** ALPN for servers without TLS ≤ 1.2 (two full handshakes, counted as connections). */
export async function probeAlpnTls13(s: ProbeSession): Promise<string[]> {
  if (s.expired) return [];
  s.connections += ALPN_CANDIDATES.length;
  const hits = await Promise.all(ALPN_CANDIDATES.map((p) => negotiate(s, p)));
  return ALPN_CANDIDATES.filter((_, i) => hits[i]);
}
