import type { Assessment, ProtocolName } from "@/lib/assessment/types";
import { certificateKeyScore, ecStrengthScore, groupSize, rsaStrengthScore } from "./strength";
import type { CategoryScores, ClassifiedSuite, ResolvedGradingOptions } from "./types";

// SSLv2 scores 0 here (XML said 20); it is an F on its own either way.
const PROTOCOL_SCORE: Record<ProtocolName, number> = {
  SSLv2: 0,
  SSLv3: 80,
  "TLSv1.0": 90,
  "TLSv1.1": 95,
  "TLSv1.2": 100,
  "TLSv1.3": 100,
};

/** (best + worst) / 2 over supported protocols. */
export function protocolScore(supported: readonly ProtocolName[]): number {
  const scores = supported.map((p) => PROTOCOL_SCORE[p]);
  if (scores.length === 0) return 0;
  return (Math.max(...scores) + Math.min(...scores)) / 2;
}

export function cipherStrengthScore(bits: number): number {
  if (bits <= 0) return 0;
  if (bits < 128) return 20;
  if (bits < 256) return 80;
  return 100;
}

/** (strongest + weakest) / 2 over every supported suite. */
export function cipherScore(suites: readonly ClassifiedSuite[]): number {
  const scores = suites.map((s) => cipherStrengthScore(s.bits));
  if (scores.length === 0) return 0;
  return (Math.max(...scores) + Math.min(...scores)) / 2;
}

export interface KeyExchangeParts {
  score: number;
  certificateKey: number | null;
  dh: number | null;
}

/** Weakest of certificate key, ephemeral DH / ECDH parameters, export and anonymous key exchange. */
export function keyExchangeScore(
  a: Assessment,
  suites: readonly ClassifiedSuite[],
  opts: ResolvedGradingOptions,
): KeyExchangeParts {
  const certificateKey = a.certificate ? certificateKeyScore(a.certificate, opts.ecStrength) : null;
  const dh = dhScore(a);
  const parts: number[] = [];
  if (certificateKey !== null) parts.push(certificateKey);
  if (dh !== null) parts.push(dh);
  const ecdh = ecdhScore(a, suites, opts);
  if (ecdh !== null) parts.push(ecdh);
  if (suites.some((s) => s.export)) parts.push(40);
  if (suites.some((s) => s.anonymous)) parts.push(0);
  return { score: parts.length ? Math.min(...parts) : 0, certificateKey, dh };
}

/** Smallest finite-field DH size: the measured DHE parameter or any ffdhe group accepted (TLS 1.3 too). */
export function weakestDhBits(a: Assessment): number | null {
  const sizes: number[] = [];
  if (a.keyExchange?.dhBits) sizes.push(a.keyExchange.dhBits);
  for (const g of a.keyExchange?.groups ?? []) {
    const size = groupSize(g);
    if (size?.kind === "dh") sizes.push(size.bits);
  }
  return sizes.length ? Math.min(...sizes) : null;
}

function dhScore(a: Assessment): number | null {
  const bits = weakestDhBits(a);
  return bits === null ? null : rsaStrengthScore(bits);
}

/** Smallest elliptic-curve group the server accepts, in bits; null when none is known. */
export function weakestEcdhBits(a: Assessment): number | null {
  const bits = (a.keyExchange?.groups ?? []).flatMap((g) => {
    const size = groupSize(g);
    return size?.kind === "ec" ? [size.bits] : [];
  });
  return bits.length ? Math.min(...bits) : null;
}

function ecdhScore(
  a: Assessment,
  suites: readonly ClassifiedSuite[],
  opts: ResolvedGradingOptions,
): number | null {
  const bits = weakestEcdhBits(a);
  const usesEcdhe = suites.some((s) => s.forwardSecrecy && !/_DHE_|^DHE-|^EDH-/i.test(s.name));
  return usesEcdhe && bits !== null ? ecStrengthScore(bits, opts.ecStrength) : null;
}

/** 0.3·P + 0.3·K + 0.4·C in exact arithmetic (so 80 stays 80), 0 when any category is 0. */
export function combineScores(protocol: number, keyExchange: number, cipher: number): number {
  if (protocol === 0 || keyExchange === 0 || cipher === 0) return 0;
  return (30 * protocol + 30 * keyExchange + 40 * cipher) / 100;
}

export function categoryScores(
  a: Assessment,
  supported: readonly ProtocolName[],
  suites: readonly ClassifiedSuite[],
  opts: ResolvedGradingOptions,
): CategoryScores {
  const protocol = protocolScore(supported);
  const kx = keyExchangeScore(a, suites, opts);
  const cipher = cipherScore(suites);
  return {
    protocol,
    keyExchange: kx.score,
    cipher,
    score: combineScores(protocol, kx.score, cipher),
    certificateKey: kx.certificateKey,
    dh: kx.dh,
  };
}
