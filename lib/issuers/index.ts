export { addIssuer } from "./add-issuer";
export { listIssuers } from "./list-issuers";
export { removeIssuer } from "./remove-issuer";
export { checkJwksUrl, isLoopbackHost } from "./jwks-url";
export { AddIssuerInput, IssuerResponse, MAX_ISSUERS_PER_PROJECT, RemoveIssuerInput } from "./inputs";
