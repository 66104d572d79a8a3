import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync, inflateSync } from 'node:zlib';
import { snapshotDatabase } from '../../electron/api/backup/database-image';
import { exportBackup } from '../../electron/api/backup/export';
import { DEFAULT_BACKUP_SCRYPT } from '../../electron/api/backup/format/encrypt';
import { restoreInApp } from '../../electron/api/backup/restore';
import { Router } from '../../electron/api/router';
import { BENCH_PASSWORD, ensureBenchData } from './dataset';
import { machine, measure, table, type BenchRow } from './harness';

const PASSPHRASE = 'bench-rezerves-parole-2026';

function kdf(): Promise<Buffer> {
  const { N, r, p } = DEFAULT_BACKUP_SCRYPT;
  return new Promise((resolve, reject) =>
    scryptCb(PASSPHRASE, randomBytes(16), 32, { N, r, p, maxmem: 256 * N * r + 2 ** 25 }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
}

/**
 * Export and restore of the open register through the program, each beside its raw cost in
 * the same run: snapshot + one scrypt + zlib (level 6) + one AES-256-GCM pass of the same bytes
 * (export), and one scrypt + GCM decrypt + inflate (restore, without rebuilding the database).
 * `router` must have the head logged in; the restore puts the same data back.
 */
export async function benchBackup(
  router: Router,
  login: () => Promise<void>,
  runs = 5,
): Promise<{ rows: BenchRow[]; bytes: number; imageBytes: number }> {
  const state = router.state;
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-backup-'));
  try {
    let file = '';
    let bytes = 0;
    const exportOurs = await measure(
      async () => {
        const result = await exportBackup(state, { folder: out, passphrase: PASSPHRASE });
        file = result.file;
        bytes = result.bytes;
      },
      { warmup: 1, runs },
    );
    let imageBytes = 0;
    const exportRaw = await measure(
      async () => {
        const key = await kdf();
        const image = snapshotDatabase(state.db);
        imageBytes = image.length;
        const packed = deflateSync(image, { level: 6 });
        const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
        cipher.update(packed);
        cipher.final();
      },
      { warmup: 1, runs },
    );
    // Restore measures the whole in-app path: read, verify, rebuild, check, migrate, swap.
    const restoreOurs = await measure(
      async () => {
        if (!state.isOpen()) await login();
        await restoreInApp(state, file, PASSPHRASE);
      },
      { warmup: 1, runs: Math.max(2, Math.floor(runs / 2)) },
    );
    await login();
    const image = snapshotDatabase(state.db);
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(deflateSync(image, { level: 6 })), cipher.final()]);
    const tag = cipher.getAuthTag();
    const restoreRaw = await measure(
      async () => {
        await kdf();
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        inflateSync(Buffer.concat([decipher.update(sealed), decipher.final()]));
      },
      { warmup: 1, runs },
    );
    return {
      bytes,
      imageBytes,
      rows: [
        {
          operation: 'backup export (verified)',
          ours: exportOurs,
          baseline: exportRaw,
          baselineLabel: 'snapshot + scrypt + deflate + GCM',
          target: '≤ 1.5× (+ read-back verify)',
          met: exportOurs.p50 <= 1.5 * exportRaw.p50,
        },
        {
          operation: 'backup restore (in app)',
          ours: restoreOurs,
          baseline: restoreRaw,
          baselineLabel: 'scrypt + GCM decrypt + inflate',
        },
      ],
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `node dist-tools/tests/bench/backup.js [--data-dir DIR --user NAME --password PW]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string', default: 'vaditaja' },
      password: { type: 'string', default: BENCH_PASSWORD },
    },
  });
  const dataDir = values['data-dir'] ?? (await ensureBenchData());
  const router = new Router({ dataDir });
  const login = async () => {
    const result = await router.call('auth.login', {
      username: values.user,
      password: values.password,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };
  await login();
  const { rows, bytes, imageBytes } = await benchBackup(router, login);
  console.log(machine());
  console.log(
    `database image ${(imageBytes / 2 ** 20).toFixed(1)} MiB → backup ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
  console.log(table(rows));
  for (const name of readdirSync(path.join(dataDir, 'safety-copies'))) {
    rmSync(path.join(dataDir, 'safety-copies', name), { recursive: true, force: true });
  }
  await router.dispose();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
