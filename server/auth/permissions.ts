import type { Role } from "@/db/schema/users";

export { ROLES } from "@/db/schema/users";
export type { Role };

const ALL: Role[] = ["admin", "editor", "viewer"];
const EDITORS: Role[] = ["admin", "editor"];
const ADMINS: Role[] = ["admin"];

/**
 * Who may do what. Services call authorize() with one of these before anything else; the UI only hides
 * controls using the same table. Add a row per new action: the Record makes a missing one a type error.
 */
export const PERMISSIONS = {
  "endpoint.read": ALL,
  "endpoint.create": EDITORS,
  "endpoint.update": EDITORS,
  "endpoint.delete": EDITORS,
  "endpoint.scan": EDITORS,
  "scan.read": ALL,
  "certificate.read": ALL,
  "domain.read": ALL,
  "domain.write": EDITORS,
  "sighting.read": ALL,
  "sighting.acknowledge": EDITORS,
  "alert.read": ALL,
  "alert.acknowledge": EDITORS,
  "channel.read": ALL,
  "channel.write": ADMINS,
  "channel.test": ADMINS,
  "settings.write": ADMINS,
  "user.read": ADMINS,
  "user.write": ADMINS,
  "audit.read": ADMINS,
  /** Everyone manages their own password and tokens. */
  "self.manage": ALL,
} as const satisfies Record<string, Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
