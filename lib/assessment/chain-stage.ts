import { chainFacts } from "@/lib/x509/chain-facts";
import type { ChainFacts } from "./types";

export type ChainStage = (input: {
  chainDer: Buffer[];
  host: string;
  caPem: string | null;
  now: Date;
  fetchIssuer: ((url: string) => Promise<Buffer | null>) | null;
}) => Promise<ChainFacts>;

/** Our own path building (system roots + the endpoint's private CA); only the public facts are kept. */
export const chainStage: ChainStage = async (input) => {
  const d = await chainFacts(input);
  return {
    certificates: d.certificates,
    complete: d.complete,
    trusted: d.trusted,
    trustError: d.trustErrorMessage ? `${d.trustError}: ${d.trustErrorMessage}` : d.trustError,
    hostnameMatch: d.hostnameMatch,
    earliestExpiry: d.earliestExpiry,
  };
};
