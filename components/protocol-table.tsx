import { type Assessment, PROTOCOL_NAMES, type TlsFacts } from "@/lib/assessment/types";

type Facts = TlsFacts & Pick<Assessment, "hsts">;

const yn = (v: boolean | null | undefined) => (v === null || v === undefined ? "unknown" : v ? "yes" : "no");

export function ProtocolTable({ a }: { a: Facts }) {
  return (
    <div data-testid="protocols">
      <p>
        {PROTOCOL_NAMES.map((p) => (
          <span
            key={p}
            className={`badge ${a.protocols[p] ? (p === "TLSv1.2" || p === "TLSv1.3" ? "ok" : "bad") : "muted"}`}
          >
            {p} {yn(a.protocols[p])}
          </span>
        ))}
      </p>
      <p className="muted">
        Server cipher order {yn(a.serverCipherOrder)} · forward secrecy {a.forwardSecrecy ?? "unknown"} · AEAD{" "}
        {a.aead ?? "unknown"} · groups {a.keyExchange?.groups.join(", ") || "unknown"}
        {a.keyExchange?.dhBits ? ` · DH ${a.keyExchange.dhBits} bits` : ""} · secure renegotiation{" "}
        {yn(a.secureRenegotiation)} · compression {yn(a.compression)} · ALPN {a.alpn.join(", ") || "none"} ·
        client certificate requested {yn(a.clientCertRequested)} · HSTS{" "}
        {a.hsts
          ? `max-age ${a.hsts.maxAge}${a.hsts.includeSubDomains ? ", includeSubDomains" : ""}${a.hsts.preload ? ", preload" : ""}`
          : "none"}
      </p>
      {a.cipherSuites.length ? (
        <table>
          <thead>
            <tr>
              <th>Protocol</th>
              <th>Suite</th>
              <th>Code</th>
              <th>Key exchange</th>
              <th>Bits</th>
              <th>FS</th>
              <th>AEAD</th>
            </tr>
          </thead>
          <tbody>
            {a.cipherSuites.map((s) => (
              <tr key={`${s.protocol}-${s.code}`}>
                <td>{s.protocol}</td>
                <td className="mono">{s.name}</td>
                <td className="mono">{s.code}</td>
                <td>{s.keyExchange}</td>
                <td className={s.bits < 128 ? "bad" : undefined}>{s.bits}</td>
                <td>{s.forwardSecrecy ? "yes" : <span className="warn">no</span>}</td>
                <td>{s.aead ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
