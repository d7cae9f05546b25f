// Certificates for the fake CT logs: one CA and leaves for chosen names, as DER.
import { createPublicKey } from "node:crypto";
import { type Issued, issue } from "./pki";

export interface CtTestPki {
  ca: Issued;
  caSpki: Buffer;
  leaf(names: string[], subject?: string): Promise<Issued>;
}

export async function ctTestPki(): Promise<CtTestPki> {
  const ca = await issue(null, { subject: "CN=Certwatch CT Test CA", ca: true, notAfterDays: 3650 });
  const caSpki = createPublicKey(ca.pem).export({ type: "spki", format: "der" });
  return {
    ca,
    caSpki,
    leaf: (names, subject) => issue(ca, { dnsNames: names, subject: subject ?? `CN=${names[0]}` }),
  };
}
