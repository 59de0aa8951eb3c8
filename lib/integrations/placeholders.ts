/** Shown where a value is not known to the page (or not shown to this viewer); never valid as a real value. */
export const SECRET_PLACEHOLDER = "<project JWT secret: an owner can reveal it on the JWT keys page>";
export const CLERK_FRONTEND_API_PLACEHOLDER = "https://<your-clerk-frontend-api>";
