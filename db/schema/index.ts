export * from "./api-tokens";
export * from "./audit-log";
export * from "./certificates";
export * from "./endpoints";
export * from "./observations";
export * from "./scans";
export * from "./sessions";
export * from "./users";
