import { chainFacts } from "@/lib/x509/chain-facts";
import type { ChainFacts } from "./types";

export interface ChainStageResult {
  facts: ChainFacts;
  /** The leaf's issuer on the built path (for revocation checks), if one was found. */
  issuerDer: Buffer | null;
}

export type ChainStage = (input: {
  chainDer: Buffer[];
  host: string;
  caPem: string | null;
  now: Date;
  fetchIssuer: ((url: string) => Promise<Buffer | null>) | null;
}) => Promise<ChainStageResult>;

/** Our own path building (system roots + the endpoint's private CA); only the public facts are kept. */
export const chainStage: ChainStage = async (input) => {
  const d = await chainFacts(input);
  return {
    facts: {
      certificates: d.certificates,
      complete: d.complete,
      trusted: d.trusted,
      trustError: d.trustErrorMessage ? `${d.trustError}: ${d.trustErrorMessage}` : d.trustError,
      hostnameMatch: d.hostnameMatch,
      earliestExpiry: d.earliestExpiry,
    },
    issuerDer: d.pathDer[1] ?? null,
  };
};
