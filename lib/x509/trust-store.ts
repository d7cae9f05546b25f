// Trust anchors: node's bundled Mozilla roots plus an endpoint's private CA bundle, indexed for issuer lookup.
import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import { parsePemCertificates } from "@/lib/x509/pem";

export type AnchorSource = "system" | "private";

export interface Anchor {
  cert: X509Certificate;
  der: Buffer;
  source: AnchorSource;
}

export class AnchorSet {
  private readonly bySubject = new Map<string, Anchor[]>();
  private readonly byDer = new Map<string, Anchor>();

  add(anchor: Anchor): void {
    const key = anchor.der.toString("base64");
    if (this.byDer.has(key)) return;
    this.byDer.set(key, anchor);
    const list = this.bySubject.get(anchor.cert.subject) ?? [];
    list.push(anchor);
    this.bySubject.set(anchor.cert.subject, list);
  }

  /** The anchor with exactly these bytes (a presented root or a pinned self-signed certificate). */
  find(der: Buffer): Anchor | undefined {
    return this.byDer.get(der.toString("base64"));
  }

  candidatesFor(cert: X509Certificate): Anchor[] {
    return this.bySubject.get(cert.issuer) ?? [];
  }

  get size(): number {
    return this.byDer.size;
  }
}

let system: Anchor[] | null = null;

function systemAnchors(): Anchor[] {
  system ??= tls.rootCertificates.flatMap((pem) => {
    try {
      const cert = new X509Certificate(pem);
      return [{ cert, der: cert.raw, source: "system" as const }];
    } catch {
      return [];
    }
  });
  return system;
}

const cache = new Map<string, AnchorSet>();
const MAX_CACHED = 16;

/** node's roots plus the private bundle (each certificate in it is trusted as an anchor). Throws INVALID_CA_PEM. */
export function anchorsFor(caPem?: string | null): AnchorSet {
  const key = caPem ?? "";
  const hit = cache.get(key);
  if (hit) return hit;
  const set = new AnchorSet();
  for (const a of systemAnchors()) set.add(a);
  if (caPem) {
    for (const der of parsePemCertificates(caPem, "The private CA bundle")) {
      set.add({ cert: new X509Certificate(der), der, source: "private" });
    }
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, set);
  return set;
}
