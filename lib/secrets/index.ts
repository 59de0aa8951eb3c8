export { encryptSecret, decryptSecret } from "./encryption";
export { generateJwtSecret, derivedRolePassword, jwtSecretContext } from "./generate";
