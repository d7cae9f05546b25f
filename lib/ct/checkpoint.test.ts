import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CertwatchError } from "@/lib/errors";
import { checkpointKeyId, openCheckpoint, parseCheckpointNote, verifyCheckpoint } from "./checkpoint";
import { parseLogList } from "./log-list";
import { signCheckpoint } from "./signing";
import { b64, CT_FIXTURES, fixture, fixtureJson } from "./test-fixtures";

const [sycamore, tampered] = fixtureJson("rfc6962/sth_samples.json").checkpoints;
const sycamoreKey = parseLogList(fixture("loglists/gstatic_v3_all_logs_list.json")).logs.find(
  (l) => l.logId === sycamore.log_id,
)!.key;
const vectors = fixtureJson("static-ct/certspotter_checkpoint_vectors_sycamore2024h2.json");

describe("static-ct checkpoints", () => {
  it("verifies the real Sycamore2026h1 checkpoint, ignoring grease and foreign key IDs", () => {
    const text = readFileSync(
      path.join(CT_FIXTURES, "static-ct/sycamore2026h1_checkpoint_917123884.txt"),
      "utf8",
    );
    expect(text).toBe(sycamore.text);
    const note = parseCheckpointNote(text);
    expect(note.signatures).toHaveLength(4);
    const cp = verifyCheckpoint(text, {
      publicKey: sycamoreKey,
      origin: "log.sycamore.ct.letsencrypt.org/2026h1",
    });
    expect(cp).toMatchObject({ origin: "log.sycamore.ct.letsencrypt.org/2026h1", treeSize: 917_123_884 });
    expect(cp.rootHash.toString("base64")).toBe("cYHqLU+MCbdAdXYAdLJhoNnPFqByTarydojPYOxV028=");
    expect(checkpointKeyId(cp.origin, b64(sycamore.log_id)).toString("hex")).toBe("104b9ebf");
  });

  it("rejects the NEGATIVE Sycamore checkpoint whose signature does not verify", () => {
    expect(() => verifyCheckpoint(tampered.text, { publicKey: sycamoreKey })).toThrow(/bad signature/);
    try {
      verifyCheckpoint(tampered.text, { publicKey: sycamoreKey });
    } catch (e) {
      expect((e as CertwatchError).code).toBe("CT_CHECKPOINT_SIGNATURE_INVALID");
    }
  });

  it("parses certspotter's valid vectors (extension lines, foreign signatures)", () => {
    const logId = Buffer.from(vectors.log_id_hex, "hex");
    expect(checkpointKeyId("sycamore.ct.letsencrypt.org/2024h2", logId).toString("hex")).toBe("3dd9086a");
    for (const text of vectors.valid_variants) {
      const cp = openCheckpoint(text, { logId });
      expect(cp.treeSize).toBe(vectors.expected.tree_size);
      expect(cp.timestamp).toBe(vectors.expected.timestamp);
      expect(cp.rootHash.toString("base64")).toBe(vectors.expected.root_hash_b64);
      expect(cp.signature).toMatchObject({ hashAlgorithm: 4, signatureAlgorithm: 3 });
    }
  });

  it("rejects certspotter's invalid vectors with typed errors", () => {
    const logId = Buffer.from(vectors.log_id_hex, "hex");
    for (const text of vectors.invalid_variants) {
      expect(() => openCheckpoint(text, { logId })).toThrow(CertwatchError);
    }
    expect(() => openCheckpoint(vectors.valid_variants[0], { logId, origin: "other/2024h2" })).toThrow(
      /origin/,
    );
  });

  it("signs checkpoints for fake logs that verify, with witness-like extra lines ignored", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const text = signCheckpoint(
      {
        origin: "fake.example/2026",
        treeSize: 1024,
        timestamp: 1_780_000_000_000,
        rootHash: Buffer.alloc(32, 1),
      },
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      ["\u2014 witness.example AAAAAAAAAAAAAAA="],
    );
    const cp = verifyCheckpoint(text, { publicKey: publicKey.export({ type: "spki", format: "der" }) });
    expect(cp).toMatchObject({ treeSize: 1024, timestamp: 1_780_000_000_000 });
    expect(() => verifyCheckpoint(text.replace("\n1024\n", "\n1025\n"), { publicKey })).toThrow(
      /bad signature/,
    );
  });
});
