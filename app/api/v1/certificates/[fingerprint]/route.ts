import { getCertificateOp } from "@/server/http/operations/certificates";
import { withApi } from "@/server/http/with-api";
import { readCertificate } from "@/server/services/certificate/read-certificate";

export const dynamic = "force-dynamic";

export const GET = withApi(getCertificateOp, ({ ctx, actor, params }) =>
  readCertificate({ ctx, actor, fingerprint: params.fingerprint }),
);
