import type { GradingRule } from "../types";
import { finding } from "./finding";

/** testssl ("SSLv3 is offered"): SSL 3.0 alone caps at B; POODLE and "best protocol" rules go further. */
export const ssl3Supported: GradingRule = ({ supported }) =>
  supported.includes("SSLv3")
    ? finding("B", "This server supports SSL 3.0, which is obsolete. Grade capped to B.", "legacy-protocols")
    : null;
