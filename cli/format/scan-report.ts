import { type Assessment, PROTOCOL_NAMES } from "@/lib/assessment/types";

const yesNo = (v: boolean | null | undefined, yes = "yes", no = "no") =>
  v === null || v === undefined ? "unknown" : v ? yes : no;

function section(title: string, lines: string[]): string[] {
  return lines.length ? ["", title, ...lines.map((l) => `  ${l}`)] : [];
}

function certificateLines(a: Assessment): string[] {
  const c = a.certificate;
  if (!c) return [];
  const key = [c.keyType, c.keyBits ? `${c.keyBits} bits` : null, c.curve].filter(Boolean).join(" ");
  return [
    `subject     ${c.subject}`,
    `names       ${c.sans.join(", ") || "(none)"}`,
    `issuer      ${c.issuer}`,
    `valid       ${c.notBefore} → ${c.notAfter} (${c.daysRemaining} days left)`,
    `key         ${key}; signature ${c.signatureAlgorithm ?? "unknown"}`,
    `sha-256     ${c.fingerprintSha256}`,
    `spki pin    ${c.spkiSha256}`,
    `revocation  OCSP ${c.ocspUrls.join(", ") || "none"}; CRL ${c.crlUrls.join(", ") || "none"}; must-staple ${yesNo(c.mustStaple)}`,
    `SCTs        ${c.sctCount} embedded`,
  ];
}

function chainLines(a: Assessment): string[] {
  const ch = a.chain;
  if (!ch) return [];
  const verdict = `${ch.trusted ? "trusted" : `NOT TRUSTED (${ch.trustError ?? "unknown reason"})`}; hostname ${ch.hostnameMatch ? "matches" : "DOES NOT MATCH"}; ${ch.complete ? "complete" : "INCOMPLETE"}`;
  return [
    verdict,
    ...ch.certificates.map(
      (c, i) => `${i}. ${c.subject}  (expires ${c.notAfter.slice(0, 10)}, ${c.signatureAlgorithm ?? "?"})`,
    ),
    `earliest expiry in chain: ${ch.earliestExpiry ?? "unknown"}`,
  ];
}

function protocolLines(a: Assessment): string[] {
  const offered = PROTOCOL_NAMES.map((p) => `${p} ${yesNo(a.protocols[p], "yes", "no")}`);
  const suites = a.cipherSuites.map(
    (s) =>
      `${s.protocol.padEnd(8)} ${s.code}  ${s.name}  ${s.bits} bits${s.forwardSecrecy ? " FS" : ""}${s.aead ? " AEAD" : ""}`,
  );
  const kx = a.keyExchange;
  return [
    offered.join(" | "),
    ...suites,
    `server cipher order ${yesNo(a.serverCipherOrder)}; forward secrecy ${a.forwardSecrecy ?? "unknown"}; AEAD ${a.aead ?? "unknown"}`,
    `groups ${kx?.groups.join(", ") || "unknown"}${kx?.dhBits ? `; DH ${kx.dhBits} bits` : ""}`,
    `secure renegotiation ${yesNo(a.secureRenegotiation)}; compression ${yesNo(a.compression)}; ALPN ${a.alpn.join(", ") || "none"}; client certificate requested ${yesNo(a.clientCertRequested)}`,
  ];
}

function gradeLines(a: Assessment): string[] {
  const g = a.grade;
  if (!g) return [`no grade: ${a.gradeUnavailableReason ?? "not assessed"}`];
  const head = `${g.letter}${g.letter !== g.ignoringTrust ? ` (ignoring trust: ${g.ignoringTrust})` : ""}  score ${g.score.toFixed(1)} = protocol ${g.protocolScore} / key exchange ${g.keyExchangeScore} / cipher ${g.cipherScore}  [criteria ${g.criteria}]`;
  return [
    head,
    ...g.caps.flatMap((c) => [
      `cap ${c.grade}: ${c.reason}`,
      `   fix: ${c.fix.split("\n").join("\n        ")}`,
    ]),
    ...g.warnings.flatMap((w) => [`warning: ${w.reason}`, `   fix: ${w.fix.split("\n").join("\n        ")}`]),
    ...(a.mozillaProfile
      ? [
          `Mozilla profile: ${a.mozillaProfile.level}${a.mozillaProfile.reasons.length ? ` (${a.mozillaProfile.reasons.slice(0, 3).join("; ")})` : ""}`,
        ]
      : []),
  ];
}

/** The human report of `certwatch scan`. */
export function formatScanReport(a: Assessment, gateFailures: string[]): string {
  const t = a.target;
  const lines = [
    `${t.host}:${t.port} at ${t.ip ?? "?"}${t.sni ? ` (SNI ${t.sni})` : ""} — ${a.durationMs} ms`,
  ];
  if (a.error)
    lines.push(
      `ERROR ${a.error.code}: ${a.error.message}`,
      ...(a.error.hint ? [`hint: ${a.error.hint}`] : []),
    );
  lines.push(...section("Certificate", certificateLines(a)));
  lines.push(...section("Chain", chainLines(a)));
  if (!a.error || a.cipherSuites.length)
    lines.push(...section("Protocols and cipher suites", protocolLines(a)));
  const h = a.hsts;
  lines.push(
    ...section("HSTS", [
      h
        ? `max-age ${h.maxAge}${h.includeSubDomains ? "; includeSubDomains" : ""}${h.preload ? "; preload" : ""}`
        : "not set",
    ]),
  );
  if (a.revocation)
    lines.push(
      ...section("Revocation", [
        `${a.revocation.status} (${a.revocation.method ?? "no source"})${a.revocation.reason ? `: ${a.revocation.reason}` : ""}`,
      ]),
    );
  lines.push(...section("Grade", gradeLines(a)));
  if (gateFailures.length) lines.push(...section("Gates FAILED", gateFailures));
  return lines.join("\n");
}
