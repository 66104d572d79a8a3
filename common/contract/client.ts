import { z } from 'zod';
import { method, type Permissions } from './define';
import type { AppState } from './app';

/** 64 hex digits, in pairs separated by colons or not, optionally after "SHA256:". */
export function normaliseFingerprint(text: string): string | null {
  const hex = text
    .trim()
    .replace(/^sha-?256\s*[:=]?\s*/i, '')
    .replace(/[\s:-]/g, '')
    .toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/.{2}/g)!.join(':') : null;
}

const serverAddress = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(300, 'v.tooLong')
  .refine((s) => {
    try {
      const url = new URL(s);
      return (
        url.protocol === 'https:' && url.hostname !== '' && url.pathname === '/' && !url.search
      );
    } catch {
      return false;
    }
  }, 'server.badAddress');

/** A PC of a kindergarten with a server: where its register is kept. */
export const clientContract = {
  /**
   * First run only: this PC works with the kindergarten's server (its address and the SHA-256
   * fingerprint of its certificate, pinned). Answers the server's state as this PC now sees it.
   */
  'client.connect': method<AppState>()(
    z
      .object({
        address: serverAddress,
        fingerprint: z
          .string()
          .trim()
          .min(1, 'v.required')
          .max(200, 'v.tooLong')
          .refine((s) => normaliseFingerprint(s) !== null, 'server.badFingerprint')
          .transform((s) => normaliseFingerprint(s)!),
      })
      .strict(),
  ),
};

export const clientPermissions: Permissions<typeof clientContract> = {
  'client.connect': 'public',
};
