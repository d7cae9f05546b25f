import pino from "pino";

export function createLogger(level: string) {
  // Job data never reaches the log: it may one day hold more than targets.
  return pino({ level, base: { service: "certwatch-worker" }, redact: ["*.caPem", "*.password", "*.url"] });
}

export type Logger = ReturnType<typeof createLogger>;
