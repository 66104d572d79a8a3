import { ensureDataset, type DatasetName } from './dataset';

/**
 * `node dist-tools/tests/bench/build-data.js [ten-years|two-years]`: builds one dataset alone, so
 * the two can be built side by side (the bench itself builds whatever is missing in turn).
 */
const names = (process.argv.slice(2) as DatasetName[]).filter(Boolean);
(async () => {
  for (const name of names.length ? names : (['ten-years', 'two-years'] as const)) {
    await ensureDataset(name);
  }
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
