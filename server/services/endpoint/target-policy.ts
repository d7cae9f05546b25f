import { type AddressPolicy, DEFAULT_ADDRESS_POLICY } from "@/lib/net/address-policy";
import type { Config } from "@/server/env";
import type { ServiceContext } from "../context";

type PolicyConfig = Pick<
  Config,
  | "CERTWATCH_ALLOW_PRIVATE_TARGETS"
  | "CERTWATCH_ALLOW_LOOPBACK_TARGETS"
  | "CERTWATCH_ALLOW_LINK_LOCAL_TARGETS"
>;

/** Which target addresses the configuration allows (defaults: private and loopback yes, link-local no). */
export function addressPolicyOf(cfg: Partial<PolicyConfig>): AddressPolicy {
  return {
    allowPrivate: cfg.CERTWATCH_ALLOW_PRIVATE_TARGETS ?? DEFAULT_ADDRESS_POLICY.allowPrivate,
    allowLoopback: cfg.CERTWATCH_ALLOW_LOOPBACK_TARGETS ?? DEFAULT_ADDRESS_POLICY.allowLoopback,
    allowLinkLocal: cfg.CERTWATCH_ALLOW_LINK_LOCAL_TARGETS ?? DEFAULT_ADDRESS_POLICY.allowLinkLocal,
  };
}

/** Service contexts built from the full Config carry the policy; slimmer test contexts get the defaults. */
export function targetPolicyOf(ctx: Pick<ServiceContext, "config">): AddressPolicy {
  return addressPolicyOf(ctx.config as Partial<PolicyConfig>);
}
