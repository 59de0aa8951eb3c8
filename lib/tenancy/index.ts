export * from "./identifiers";
export * from "./slug";
export * from "./service-url";
