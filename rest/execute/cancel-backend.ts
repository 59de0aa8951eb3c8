import net from "node:net";
import type pg from "pg";

/** PostgreSQL's CancelRequest code (protocol 3): 1234 in the high 16 bits, 5678 in the low. */
const CANCEL_REQUEST_CODE = 80877102;

type CancelKeys = { processID: number | null; secretKey: number | null; host: string; port: number };

/**
 * Sends the wire protocol's CancelRequest for the statement `client` is running, on a fresh socket to the same
 * host and port: no pool slot is needed, and through PgBouncer the pooler maps the client's key to the server
 * connection it lent. Like libpq, it waits for the other side to close: PgBouncer 1.18 aborts when the client
 * hangs up on a cancel it is still forwarding. PostgreSQL acts on the request asynchronously.
 */
export function cancelBackend(client: pg.PoolClient): Promise<void> {
  const { processID, secretKey, host, port } = client as unknown as CancelKeys;
  if (processID === null || secretKey === null) return Promise.resolve();
  const packet = Buffer.alloc(16);
  packet.writeInt32BE(16, 0);
  packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  packet.writeInt32BE(processID, 8);
  packet.writeInt32BE(secretKey, 12);
  return new Promise((resolve) => {
    const socket = host.startsWith("/")
      ? net.connect({ path: `${host}/.s.PGSQL.${port}` })
      : net.connect({ host, port });
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once("connect", () => socket.write(packet));
    socket.once("end", () => socket.end());
    socket.once("close", () => resolve());
    socket.once("error", () => resolve());
  });
}

/** Closes the client's socket: every statement still queued on it fails, and the pool never lends it again. */
export function severConnection(client: pg.PoolClient): void {
  client.connection.stream.destroy();
}
