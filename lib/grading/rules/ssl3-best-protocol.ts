import type { GradingRule } from "../types";
import { finding } from "./finding";

const TLS = ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;

/** testssl: a server whose newest protocol is SSL 3.0 gets F. */
export const ssl3BestProtocol: GradingRule = ({ supported }) =>
  supported.includes("SSLv3") && !TLS.some((p) => supported.includes(p))
    ? finding(
        "F",
        "SSL 3.0 is the newest protocol this server supports; it supports no TLS at all. Grade set to F.",
        "enable-tls12",
      )
    : null;
