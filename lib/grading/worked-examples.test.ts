import { describe, expect, it } from "vitest";
import type { Assessment } from "@/lib/assessment/types";
import { decisiveReason } from "./decisive-reason";
import { gradeAssessment } from "./grade";
import {
  modernAssessment,
  protocols,
  revokedStatus,
  simulations,
  suite,
  suites,
  TLS12_MODERN_SUITES,
  TLS13_SUITES,
} from "./test-factory";

const GCM12 = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
const CBC12 = ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"];
const GCM12_BOTH = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"];
const TRIPLE_DES = "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA";
const rsaKey = (keyBits: number) => ({ ...modernAssessment().certificate!, keyBits });
const tls12Only = (names: string[], sim: string): Partial<Assessment> => ({
  protocols: protocols("TLSv1.2"),
  cipherSuites: suites(names, "TLSv1.2"),
  clientSimulations: simulations(null, sim),
});
const allTls = (extra: string[] = []): Partial<Assessment> => ({
  protocols: protocols("TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
  cipherSuites: [
    ...suites(TLS13_SUITES, "TLSv1.3"),
    ...(["TLSv1.0", "TLSv1.1"] as const).flatMap((p) => suites([...CBC12, ...extra], p)),
    ...suites([...GCM12_BOTH, ...CBC12, ...extra], "TLSv1.2"),
  ],
});

interface Row {
  config: string;
  a: Assessment;
  P: number;
  K: number;
  C: number;
  score: number;
  letter: string;
  ignoringTrust?: string;
  /** Substring of the decisive reason, or null when the score alone decided. */
  because: string | null;
}

// GRADING.md §4, one entry per row (the 3DES row has its two outcomes).
const ROWS: Row[] = [
  {
    config: "TLS 1.2+1.3, ECDHE, AES-GCM + ChaCha20, HSTS 1 year",
    a: modernAssessment(),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "A+",
    because: null,
  },
  {
    config: "same, no HSTS",
    a: modernAssessment({ hsts: null }),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "A",
    because: "A+ needs max-age",
  },
  {
    config: "TLS 1.2 only, ECDHE + AEAD",
    a: modernAssessment(tls12Only(TLS12_MODERN_SUITES, GCM12)),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "A-",
    because: "does not support TLS 1.3",
  },
  {
    config: "TLS 1.2 only, ECDHE + AES-CBC only",
    a: modernAssessment(tls12Only(CBC12, CBC12[0]!)),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "B",
    because: "(AEAD)",
  },
  {
    config: "TLS 1.2, static RSA key exchange only",
    a: modernAssessment(
      tls12Only(
        ["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"],
        "TLS_RSA_WITH_AES_128_GCM_SHA256",
      ),
    ),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "B",
    because: "forward secrecy",
  },
  {
    config: "TLS 1.0–1.3, AES-CBC + GCM",
    a: modernAssessment(allTls()),
    P: 95,
    K: 90,
    C: 90,
    score: 91.5,
    letter: "B",
    because: "supports TLS 1.0 and TLS 1.1",
  },
  {
    config: "same + 3DES last in server order",
    a: modernAssessment(allTls([TRIPLE_DES])),
    P: 95,
    K: 90,
    C: 60,
    score: 79.5,
    letter: "B",
    because: "supports TLS 1.0 and TLS 1.1",
  },
  {
    config: "same + 3DES, a TLS 1.1+ reference client gets 3DES",
    a: modernAssessment({
      ...allTls([TRIPLE_DES]),
      clientSimulations: simulations("TLS_AES_128_GCM_SHA256", TRIPLE_DES),
    }),
    P: 95,
    K: 90,
    C: 60,
    score: 79.5,
    letter: "C",
    because: "64-bit block cipher",
  },
  {
    config: "TLS 1.2, 3DES only",
    a: modernAssessment(tls12Only([TRIPLE_DES], TRIPLE_DES)),
    P: 100,
    K: 90,
    C: 20,
    score: 65,
    letter: "C",
    because: "64-bit block cipher",
  },
  {
    config: "TLS 1.0 only, CBC",
    a: modernAssessment({
      protocols: protocols("TLSv1.0"),
      cipherSuites: suites(CBC12, "TLSv1.0"),
      clientSimulations: [],
    }),
    P: 90,
    K: 90,
    C: 90,
    score: 90,
    letter: "C",
    because: "does not support TLS 1.2",
  },
  {
    config: "TLS 1.2+1.3, DHE-1024 offered",
    a: modernAssessment({
      cipherSuites: [...modernAssessment().cipherSuites, suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")],
      keyExchange: { groups: ["X25519", "P-256"], dhBits: 1024 },
    }),
    P: 100,
    K: 80,
    C: 90,
    score: 90,
    letter: "B",
    because: "weak Diffie-Hellman",
  },
  {
    config: "RSA-1024 leaf",
    a: modernAssessment({ certificate: rsaKey(1024) }),
    P: 100,
    K: 80,
    C: 90,
    score: 90,
    letter: "B",
    because: "weaker than RSA 2048",
  },
  {
    config: "RSA-512 leaf",
    a: modernAssessment({ certificate: rsaKey(512) }),
    P: 100,
    K: 40,
    C: 90,
    score: 78,
    letter: "F",
    because: "weaker than RSA 1024",
  },
  {
    config: "NULL suite offered beside AES-256-GCM",
    a: modernAssessment({
      cipherSuites: [
        suite("TLS_AES_256_GCM_SHA384", "TLSv1.3"),
        suite("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
        suite("TLS_ECDHE_RSA_WITH_NULL_SHA"),
      ],
    }),
    P: 100,
    K: 90,
    C: 50,
    score: 77,
    letter: "F",
    because: "NULL cipher suites",
  },
  {
    config: "anonymous suites offered",
    a: modernAssessment({
      cipherSuites: [...modernAssessment().cipherSuites, suite("TLS_DH_anon_WITH_AES_128_GCM_SHA256")],
    }),
    P: 100,
    K: 0,
    C: 90,
    score: 0,
    letter: "F",
    because: "anonymous",
  },
  {
    config: "modern config, self-signed",
    a: modernAssessment({
      hsts: null,
      chain: {
        ...modernAssessment().chain!,
        trusted: false,
        trustError: "SELF_SIGNED: The certificate (CN=example.test) is self-signed and not trusted",
      },
    }),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "T",
    ignoringTrust: "A",
    because: "self-signed",
  },
  {
    config: "modern config, name mismatch",
    a: modernAssessment({ hsts: null, chain: { ...modernAssessment().chain!, hostnameMatch: false } }),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "M",
    ignoringTrust: "A",
    because: "does not match",
  },
  {
    config: "modern config, revoked",
    a: modernAssessment({ revocation: revokedStatus() }),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "F",
    because: "revoked",
  },
  {
    config: "modern config, intermediate missing but AIA works",
    a: modernAssessment({ chain: { ...modernAssessment().chain!, complete: false } }),
    P: 100,
    K: 90,
    C: 90,
    score: 93,
    letter: "B",
    because: "chain is incomplete",
  },
];

describe("GRADING.md §4 worked examples", () => {
  it.each(ROWS)("$config → $letter", (row) => {
    const { grade, unavailableReason } = gradeAssessment(row.a);
    expect(unavailableReason).toBeNull();
    expect(grade).not.toBeNull();
    expect(grade!.letter).toBe(row.letter);
    expect(grade!.protocolScore).toBe(row.P);
    expect(grade!.keyExchangeScore).toBe(row.K);
    expect(grade!.cipherScore).toBe(row.C);
    expect(grade!.score).toBeCloseTo(row.score, 10);
    if (row.ignoringTrust) expect(grade!.ignoringTrust).toBe(row.ignoringTrust);
    const reason = decisiveReason(grade!);
    if (row.because === null) expect(reason).toBeNull();
    else expect(reason).toContain(row.because);
  });
});
