export { createPersonalAccessToken, type CreatedPersonalAccessToken } from "./create-personal-access-token";
export { authenticatePersonalAccessToken } from "./authenticate-personal-access-token";
export { mintProjectToken, type MintedProjectToken } from "./mint-project-token";
export { issueCliToken, CliLoginInput } from "./issue-cli-token";
export { parseDuration, MAX_TOKEN_LIFETIME_SECONDS } from "./parse-duration";
export { PAT_PREFIX } from "./token-hash";
