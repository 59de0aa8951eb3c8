export { addDomain } from "./add-domain";
export { listDomains } from "./list-domains";
export { verifyDomain } from "./verify-domain";
export { removeDomain } from "./remove-domain";
export { getDomainForActorOrThrow, type DomainAccess } from "./get-domain-for-actor-or-throw";
export { normalizeCustomHostname } from "./hostname";
export { challengeRecordName, challengeRecordValue } from "./challenge";
export { toDomainResponse, type DomainResponse } from "./to-domain-response";
export { AddDomainInput } from "./inputs";
