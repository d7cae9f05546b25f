import { CertwatchError } from "@/lib/errors";
import { type ProbeOutcome, probe } from "./probe";
import type { ReaderMode } from "./response-reader";

export interface SessionOptions {
  host: string;
  ip: string;
  port: number;
  sni: string | null;
  timeoutMs: number;
  totalBudgetMs: number;
  concurrency: number;
  signal?: AbortSignal;
}

function budgetExceeded(): ProbeOutcome {
  const error = new CertwatchError(
    "BUDGET_EXCEEDED",
    "The scan ran out of its time budget.",
    "Facts left unsettled are null; raise totalBudgetMs for slow servers.",
  );
  return { kind: "failed", error };
}

/** Shared state of one enumeration: a socket limiter, the overall deadline and the connection count. */
export class ProbeSession {
  connections = 0;
  readonly notes: string[] = [];
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly deadline: number;

  constructor(readonly opts: SessionOptions) {
    this.deadline = Date.now() + opts.totalBudgetMs;
  }

  get sni(): string | null {
    return this.opts.sni;
  }

  get expired(): boolean {
    return Date.now() >= this.deadline || (this.opts.signal?.aborted ?? false);
  }

  note(text: string): void {
    if (this.notes.length < 50 && !this.notes.includes(text)) this.notes.push(text);
  }

  /** Send one hello on its own connection, within the concurrency limit and the total budget. */
  async send(payload: Uint8Array, mode: ReaderMode = {}): Promise<ProbeOutcome> {
    await this.acquire();
    try {
      const left = this.deadline - Date.now();
      if (left <= 0 || this.opts.signal?.aborted) {
        return budgetExceeded();
      }
      this.connections++;
      const { host, ip, port, signal } = this.opts;
      const budgetBound = left < this.opts.timeoutMs;
      const timeoutMs = budgetBound ? left : this.opts.timeoutMs;
      const out = await probe({ host, ip, port, signal, timeoutMs }, payload, mode);
      // A timeout cut short by the overall budget says nothing about the server: report it as the budget.
      if (budgetBound && out.kind === "failed" && out.error.code === "TIMEOUT") return budgetExceeded();
      return out;
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
