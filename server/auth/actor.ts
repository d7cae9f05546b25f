import { CertwatchError } from "@/lib/errors";
import { type Action, can, type Role } from "./permissions";

/** Who is acting: a signed-in user, an API token of a user, or the system itself (CLI, worker). */
export interface Actor {
  kind: "session" | "token" | "system";
  userId: number | null;
  /** Email of the user, or `cli` / `system`; what the audit log shows. */
  label: string;
  role: Role;
  tokenId?: number;
}

/** The local operator: `certwatch` commands run with database access, which is already full power. */
export const CLI_ACTOR: Actor = { kind: "system", userId: null, label: "cli", role: "admin" };
export const SYSTEM_ACTOR: Actor = { kind: "system", userId: null, label: "system", role: "admin" };

export class UnauthenticatedError extends CertwatchError {
  constructor(message = "Sign in first.", hint: string | null = null) {
    super("UNAUTHENTICATED", message, hint);
  }
}

export class ForbiddenError extends CertwatchError {
  constructor(message: string, hint: string | null = null) {
    super("FORBIDDEN", message, hint);
  }
}

/** First line of every service: throws FORBIDDEN (403) when the actor's role may not do this. */
export function authorize(actor: Actor | null | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor.role, action)) {
    throw new ForbiddenError(
      `Your role (${actor.role}) may not ${action.replace(".", " ")}.`,
      "Ask an admin for a role that allows it.",
    );
  }
}
