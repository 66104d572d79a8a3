import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeReport } from '../bench/report';
import { HEADING, writeSection } from '../bench/server-report';

/**
 * docs/benchmarks.md has two writers: `npm run bench` and `npm run bench:server`. Each must keep
 * the other's section as it stands, whatever order they run in.
 */
const SERVER = `${HEADING}

Measured 2026-12-06 23:23 UTC on a machine; load average 15.2 before and 17.9 after the run.

| call | calls | p50 (ms) |
| --- | ---: | ---: |
| auth.login | 40 | 47943 |

Run: \`npm run bench:server\`.
`;
const OWN = ['## Service layer', '## Screens'];
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench report writer', () => {
  it('rewrites its own part and keeps the server-mode section verbatim', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    const file = path.join(dir, 'benchmarks.md');
    writeFileSync(file, `# Benchmarks\n\nold intro\n\n| old | table |\n\n${SERVER}`);
    writeReport(
      file,
      '# Benchmarks\n\nnew intro',
      [
        { heading: '## Service layer', body: '\nservice rows\n' },
        { heading: '## Screens', body: '\nscreen rows\n' },
      ],
      OWN,
    );
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(SERVER.trimEnd());
    expect(text).not.toContain('old intro');
    expect(text.indexOf('service rows')).toBeLessThan(text.indexOf('screen rows'));
    expect(text.indexOf('screen rows')).toBeLessThan(text.indexOf(HEADING));
  });

  it('keeps its own sections a partial run did not measure, and the server writer keeps ours', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
    const file = path.join(dir, 'benchmarks.md');
    writeReport(
      file,
      '# Benchmarks',
      [
        { heading: '## Service layer', body: '\nservice v1\n' },
        { heading: '## Screens', body: '\nscreens v1\n' },
      ],
      OWN,
    );
    writeSection(file, SERVER);
    writeReport(file, '# Benchmarks', [{ heading: '## Screens', body: '\nscreens v2\n' }], OWN);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('service v1');
    expect(text).toContain('screens v2');
    expect(text).not.toContain('screens v1');
    expect(text).toContain(SERVER.trimEnd());
    writeSection(file, SERVER.replace('47943', '1234'));
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('screens v2');
    expect(after).toContain('service v1');
    expect(after).toContain('| auth.login | 40 | 1234 |');
  });
});
