import net from "node:net";
import { CertwatchError, isCertwatchError } from "@/lib/errors";
import { type ProbeResponse, type ReaderMode, ResponseReader } from "./response-reader";

export interface ProbeTarget {
  host: string;
  /** Address to connect to; host when null. */
  ip?: string | null;
  port: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type ProbeOutcome = ProbeResponse | { kind: "failed"; error: CertwatchError };

const SOCKET_ERRORS: Record<string, [string, string, string | null]> = {
  ECONNREFUSED: [
    "CONNECTION_REFUSED",
    "The connection was refused",
    "Nothing listens on that port, or a firewall rejects it.",
  ],
  ECONNRESET: ["CONNECTION_RESET", "The server reset the connection", null],
  EPIPE: ["CONNECTION_RESET", "The server closed the connection while the hello was sent", null],
  ENOTFOUND: ["DNS_FAILED", "The host name does not resolve", "Check the spelling, or pass --ip."],
  EAI_AGAIN: ["DNS_FAILED", "DNS lookup failed temporarily", "Retry later, or pass --ip."],
  EHOSTUNREACH: ["HOST_UNREACHABLE", "The host is unreachable", "Check routing and firewalls."],
  ENETUNREACH: ["HOST_UNREACHABLE", "The network is unreachable", "Check routing and firewalls (IPv6?)."],
};

function socketError(err: NodeJS.ErrnoException, t: ProbeTarget): CertwatchError {
  const known = SOCKET_ERRORS[err.code ?? ""];
  const where = `${t.ip ?? t.host}:${t.port}`;
  if (known) return new CertwatchError(known[0], `${known[1]} (${where}).`, known[2], { cause: err });
  return new CertwatchError("CONNECTION_FAILED", `Connecting to ${where} failed: ${err.message}`, null, {
    cause: err,
  });
}

/**
 * Send one hello on a fresh connection and read just enough of the answer. Never rejects: socket trouble,
 * timeouts and garbage come back as { kind: "failed" } with a typed CertwatchError.
 */
export function probe(t: ProbeTarget, payload: Uint8Array, mode: ReaderMode = {}): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    if (t.signal?.aborted) {
      resolve({ kind: "failed", error: new CertwatchError("ABORTED", "The scan was cancelled.") });
      return;
    }
    const reader = new ResponseReader(mode);
    const socket = net.connect({ host: t.ip ?? t.host, port: t.port });
    let done = false;
    const finish = (o: ProbeOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      t.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(o);
    };
    const fail = (error: CertwatchError) => finish({ kind: "failed", error });
    const guarded = (fn: () => ProbeResponse | null, closed: boolean) => {
      try {
        const r = fn();
        if (r) finish(r);
        else if (closed)
          fail(
            new CertwatchError("CONNECTION_CLOSED", "The server closed the connection without answering."),
          );
      } catch (e) {
        fail(isCertwatchError(e) ? e : new CertwatchError("PROTOCOL_ERROR", String(e)));
      }
    };
    const onAbort = () => fail(new CertwatchError("ABORTED", "The scan was cancelled."));
    const timer = setTimeout(
      () =>
        fail(
          new CertwatchError(
            "TIMEOUT",
            `No TLS answer from ${t.host}:${t.port} within ${t.timeoutMs} ms.`,
            "The server may be overloaded, filtered, or waiting for a different protocol.",
          ),
        ),
      t.timeoutMs,
    );
    t.signal?.addEventListener("abort", onAbort, { once: true });
    socket.setNoDelay(true);
    socket.on("connect", () => socket.write(payload));
    socket.on("data", (chunk: Buffer) => guarded(() => reader.push(chunk), false));
    socket.on("end", () => guarded(() => reader.finish(), true));
    socket.on("close", () => guarded(() => reader.finish(), true));
    socket.on("error", (err: NodeJS.ErrnoException) => {
      // A reset after a usable answer still counts as that answer.
      try {
        const r = reader.finish();
        if (r) return finish(r);
      } catch {
        // fall through to the socket error
      }
      fail(socketError(err, t));
    });
  });
}

/** A HANDSHAKE_ALERT error for an alert answer, for callers that need an exception. */
export function alertError(name: string, description: number): CertwatchError {
  return new CertwatchError(
    "HANDSHAKE_ALERT",
    `The server refused the handshake with a fatal alert: ${name} (${description}).`,
    name === "protocol_version"
      ? "The server does not speak the offered TLS version."
      : name === "handshake_failure"
        ? "No cipher suite, group or signature algorithm in common."
        : null,
  );
}
