import { logHealthJson, logHealthOp, logListJson } from "@/server/http/operations/ct";
import { withApi } from "@/server/http/with-api";
import { readLogHealth } from "@/server/services/ct/read-ct";

export const dynamic = "force-dynamic";

export const GET = withApi(logHealthOp, ({ ctx, actor }) => {
  const { list, logs } = readLogHealth({ ctx, actor });
  return { list: logListJson(list), logs: logs.map(logHealthJson) };
});
