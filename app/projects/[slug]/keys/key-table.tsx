import type { KeyResponse } from "@/lib/project-keys/key-state";

const when = (iso: string | null) => (iso ? new Date(iso).toUTCString() : "—");

/** Every key with its state and dates; fingerprints tell keys apart without showing secrets. */
export function KeyTable({ keys }: { keys: KeyResponse[] }) {
  return (
    <table className="w-full text-left text-sm" data-testid="key-table">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Key</th>
          <th>State</th>
          <th>Activated</th>
          <th>Retired</th>
          <th>Accepted until / revoked</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {keys.map((key) => (
          <tr key={key.id} data-testid="key-row" data-state={key.state}>
            <td className="py-2 font-mono text-xs">
              {key.id}
              <br />
              <span className="text-slate-500">{key.fingerprint}</span>
            </td>
            <td data-testid="key-state">{key.state}</td>
            <td>{when(key.activatedAt)}</td>
            <td>{when(key.retiredAt)}</td>
            <td>{when(key.acceptedUntil ?? key.revokedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
