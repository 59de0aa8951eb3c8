export { authJsSnippets, type AuthJsSnippets } from "./auth-js";
export { clerkSnippets, CLERK_TEMPLATE_NAME, type ClerkSnippets } from "./clerk";
export { issuersAddCommand, shellQuote } from "./jwks";
export { CLERK_FRONTEND_API_PLACEHOLDER, SECRET_PLACEHOLDER } from "./placeholders";
