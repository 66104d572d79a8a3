import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../integration/helpers';

/** A self-signed certificate for 127.0.0.1, made for one test (as a kindergarten's IT would). */
export function selfSigned(): {
  certificate: Buffer;
  key: Buffer;
  fingerprint: string;
  dir: string;
} {
  const dir = tempDir('register-tls-');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, 'server.key'),
      '-out',
      path.join(dir, 'server.crt'),
      '-days',
      '2',
      '-subj',
      '/CN=register-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const certificate = readFileSync(path.join(dir, 'server.crt'));
  const key = readFileSync(path.join(dir, 'server.key'));
  return { certificate, key, fingerprint: new X509Certificate(certificate).fingerprint256, dir };
}
