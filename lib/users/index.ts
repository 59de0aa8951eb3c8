export { hashPassword, verifyPassword } from "./password";
export { createUser } from "./create-user";
export { authenticateUser } from "./authenticate-user";
export { getCurrentUserOrThrow } from "./get-user-or-throw";
export { CreateUserInput, Email, NewPassword, type PublicUser } from "./inputs";
