import { addDomainOp, domainItemJson, listDomainsOp } from "@/server/http/operations/ct";
import { withApi } from "@/server/http/with-api";
import { addWatchedDomain } from "@/server/services/ct/add-watched-domain";
import { readWatchedDomains } from "@/server/services/ct/read-ct";

export const dynamic = "force-dynamic";

export const GET = withApi(listDomainsOp, ({ ctx, actor }) => ({
  data: readWatchedDomains({ ctx, actor }).map(domainItemJson),
}));

export const POST = withApi(addDomainOp, ({ ctx, actor, body }) =>
  addWatchedDomain({ ctx, actor, input: body }),
);
