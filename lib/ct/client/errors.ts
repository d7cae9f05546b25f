import { CertwatchError, isCertwatchError } from "@/lib/errors";

/** The client and tailer error codes the worker, CLI and dashboard translate. */
export const CT_ERROR = {
  badSignature: "CT_BAD_SIGNATURE",
  rootMismatch: "CT_ROOT_MISMATCH",
  unavailable: "CT_LOG_UNAVAILABLE",
  rateLimited: "CT_RATE_LIMITED",
  malformed: "CT_MALFORMED",
} as const;

const SIGNATURE_CODES = new Set([
  "CT_STH_SIGNATURE_INVALID",
  "CT_CHECKPOINT_SIGNATURE_INVALID",
  "CT_CHECKPOINT_UNSIGNED",
  "CT_CHECKPOINT_ORIGIN",
]);

/** Folds the core's signature failures into CT_BAD_SIGNATURE; other CertwatchErrors pass through. */
export function asHeadError(err: unknown, url: string): unknown {
  if (!isCertwatchError(err)) return err;
  if (SIGNATURE_CODES.has(err.code)) {
    return new CertwatchError(
      CT_ERROR.badSignature,
      `The tree head from ${url} does not verify: ${err.message}`,
      "The data was refused. Check that the configured key belongs to this log; if it does, the log misbehaves.",
      { cause: err },
    );
  }
  return err;
}

export function rootMismatch(message: string): CertwatchError {
  return new CertwatchError(
    CT_ERROR.rootMismatch,
    message,
    "The entries served do not hash to the signed root: the data was refused and the tailer rewound to its last verified position.",
  );
}

/** True for failures that a later retry may cure (the log was down or throttling us). */
export function isTransient(err: unknown): boolean {
  return isCertwatchError(err) && (err.code === CT_ERROR.unavailable || err.code === CT_ERROR.rateLimited);
}

/** True for failures that mean the log served data that does not verify. */
export function isMisbehaviour(err: unknown): boolean {
  return isCertwatchError(err) && (err.code === CT_ERROR.badSignature || err.code === CT_ERROR.rootMismatch);
}
