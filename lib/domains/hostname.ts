import { isIP } from "node:net";
import { domainToASCII } from "node:url";

export type HostnameCheck = { ok: true; hostname: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A custom domain as typed → the ASCII (punycode) hostname the gateway will see in Host, or why it cannot be
 * one. Case is folded and one trailing dot dropped; IDNA is checked by node's WHATWG `domainToASCII`, which also
 * turns IPv4 spellings such as `127.1` or `0x7f.1` into dotted quads so they are caught as IP literals.
 */
export function normalizeCustomHostname(input: string, baseDomain: string): HostnameCheck {
  const typed = input.trim().toLowerCase().replace(/\.$/, "");
  if (typed === "") return refuse("hostname is required, e.g. api.example.com");
  if (typed.includes("*"))
    return refuse(`'${input}' is a wildcard; add each hostname on its own, e.g. api.example.com`);
  if (typed.startsWith("[") || isIP(typed) !== 0)
    return refuse(`'${input}' is an IP address; a custom domain must be a DNS name`);
  if (/[/:@?#\s]/.test(typed)) return refuse(`'${input}' is not a bare hostname; leave out the scheme, port and path`);
  const ascii = domainToASCII(typed);
  if (ascii === "") return refuse(`'${input}' is not a valid internationalised domain name (IDNA)`);
  if (isIP(ascii) !== 0) return refuse(`'${input}' is an IP address; a custom domain must be a DNS name`);
  if (ascii.length > 253) return refuse(`'${input}' is longer than 253 characters`);
  for (const reserved of new Set(["localhost", baseDomain.toLowerCase()])) {
    if (ascii === reserved || ascii.endsWith(`.${reserved}`)) {
      return refuse(`'${input}' is under '${reserved}', which the platform serves itself; use a domain you own`);
    }
  }
  const labels = ascii.split(".");
  if (labels.length < 2)
    return refuse(`'${input}' is a single label; use a fully qualified name such as api.example.com`);
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return refuse(
      `'${input}' has an invalid label '${bad}': 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen`,
    );
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? ""))
    return refuse(`'${input}' ends in an all-numeric label, which is not a DNS name`);
  return { ok: true, hostname: ascii };
}

const refuse = (message: string): HostnameCheck => ({ ok: false, message });
