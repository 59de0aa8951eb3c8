import { CliError } from "./errors";
import { resolveApiUrl, resolveToken } from "./credentials";

type ErrorEnvelope = { error?: { code?: string; message?: string; requestId?: string } };

/** A thin client of the control-plane API (`/api/v1`); every failure becomes a CliError naming the cause. */
export async function callApi<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: { body?: unknown; apiUrl?: string; token?: string | null } = {},
): Promise<T> {
  const apiUrl = resolveApiUrl(options.apiUrl);
  const token = options.token === null ? undefined : (options.token ?? resolveToken());
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/api/v1${path}`, {
      method,
      headers: {
        accept: "application/json",
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new CliError(
      `Cannot reach the Flux API at ${apiUrl}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`,
      "Is `npm run dev` running? Pass --api-url or set FLUX_API_URL to the dashboard's address.",
    );
  }
  const text = await response.text();
  const body = parseJson(text);
  if (!response.ok) {
    const envelope = (body ?? {}) as ErrorEnvelope;
    const message = envelope.error?.message ?? `The API answered ${response.status} ${response.statusText}`;
    const requestId = envelope.error?.requestId ? ` (request id ${envelope.error.requestId})` : "";
    throw new CliError(`${message}${requestId}`, hintFor(response.status));
  }
  return body as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`The API answered with something that is not JSON: ${text.slice(0, 200)}`);
  }
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "Your token is missing, expired or revoked: run `flux login` again or check FLUX_TOKEN.";
  if (status === 403) return "Your account lacks the project role this needs; ask a project owner.";
  return undefined;
}
