export * from "./create-logger";
export { redact, REDACTED } from "./redact";
