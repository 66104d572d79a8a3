import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

/** The server showed another certificate than the one this PC was given. */
export class FingerprintMismatch extends Error {
  override name = 'FingerprintMismatch';
  constructor(readonly actual: string) {
    super(`certificate fingerprint ${actual}`);
  }
}

/**
 * A TLS connection to the kindergarten's server, trusted by its certificate's SHA-256
 * fingerprint alone (a self-signed certificate is the usual case, so no CA could vouch for it).
 * The fingerprint is checked on the handshake, before anything is sent: to a server with another
 * certificate not one byte of a request, a password or a session token leaves this PC.
 */
export function connectPinned(
  url: URL,
  fingerprint: string,
  timeoutMs = 10_000,
): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host,
      port: Number(url.port || 443),
      servername: isIP(host) ? undefined : host,
      // The chain is not what is trusted here: the pinned fingerprint is, checked below.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const actual = socket.getPeerCertificate().fingerprint256;
      if (actual !== fingerprint) {
        socket.destroy();
        reject(new FingerprintMismatch(actual));
        return;
      }
      socket.setTimeout(0);
      resolve(socket);
    });
  });
}
