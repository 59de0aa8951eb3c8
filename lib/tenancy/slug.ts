export const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

export type SlugCheck = { ok: true; slug: string } | { ok: false; message: string };

/**
 * A slug is 3–40 characters: lower-case letters, digits and single hyphens, starting with a letter and not
 * ending with a hyphen. Double hyphens are refused because `--` separates the parts of a Service URL.
 */
export function checkSlug(input: string): SlugCheck {
  const slug = input.trim();
  if (slug.length < 3 || slug.length > 40) {
    return { ok: false, message: `Slug "${slug}" must be 3 to 40 characters long.` };
  }
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      message: `Slug "${slug}" may only use lower-case letters, digits and hyphens, must start with a letter and must not end with a hyphen.`,
    };
  }
  if (slug.includes("--")) {
    return { ok: false, message: `Slug "${slug}" must not contain "--" (it separates the parts of a Service URL).` };
  }
  return { ok: true, slug };
}
