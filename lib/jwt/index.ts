export * from "./bridge-token";
export { signProjectToken } from "./project-token";
