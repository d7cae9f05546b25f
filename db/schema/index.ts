export * from "./certificates";
export * from "./endpoints";
export * from "./observations";
export * from "./scans";
