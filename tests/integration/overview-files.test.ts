import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStatus } from '../../common/contract/overview';
import { Context } from '../../electron/api/context';
import { start } from '../../electron/api/overview/archive/jobs';
import { FolderSink } from '../../electron/api/overview/archive/sinks';
import { PASSWORD } from '../../tools/seed/api';
import { testBackend } from './helpers';
import { GAPS, buildDataset, type Dataset } from './overview-fixtures';

/** Wednesday 4 November 2026, 12:00 in Riga. */
const NOON = '2026-11-04T10:00:00Z';
const YEAR = { from: '2026-09-01', to: '2027-08-31' };

let dir: string;
let data: Dataset;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'register-files-'));
  data = await buildDataset(path.join(dir, 'data'));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function as(username: string) {
  const b = testBackend({ dataDir: data.dataDir, start: NOON });
  await b.ok('auth.login', { username, password: PASSWORD });
  return b;
}

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: Buffer.from(base64, 'base64') });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the year-end archive', () => {
  it("makes a group's year in the background: progress by part, calls answered meanwhile, one PDF with its contents and page numbers", async () => {
    const b = await as('vaditaja');
    const [g1] = data.groups;
    let status = await b.ok('overview.archiveStart', { ...YEAR, groupId: g1.id });
    expect(status).toMatchObject({ state: 'running', done: 0, files: [] });
    // Another archive cannot start while this one runs.
    const busy = await b.fail('overview.archiveStart', { ...YEAR, groupId: null });
    expect(busy.code).toBe('CONFLICT');
    expect(busy.message).toContain('jau tiek veidots');
    const parts = new Set<string>();
    let slowest = 0;
    while (status.state === 'running') {
      const asked = Date.now();
      await b.ok('overview.home', {});
      slowest = Math.max(slowest, Date.now() - asked);
      status = await b.ok('overview.archiveStatus', { jobId: status.jobId });
      parts.add(status.part);
      await sleep(20);
    }
    expect(status).toMatchObject({ state: 'done', error: null });
    expect(status.done).toBe(status.total);
    // Each poll names the part being made (which ones it catches depends on the machine).
    expect([...parts].some((p) => p.startsWith(`${g1.name}: `))).toBe(true);
    expect(status.part).toBe('Gatavs');
    // The layout runs on a worker: the home list never waited for the whole archive.
    expect(slowest).toBeLessThan(1500);
    expect(status.files).toHaveLength(1);
    const file = await b.ok('overview.archiveFile', { jobId: status.jobId, index: 0 });
    expect(file.fileName).toMatch(/^arhivs-2026-2027-1.+\.pdf$/);
    const text = await pdfText(file.base64);
    expect(text).toContain('Saturs');
    expect(text).toContain(`1. grupa «${g1.name}»`);
    expect(text).toContain('2026./2027. mācību gads');
    for (const month of ['septembris', 'oktobris', 'novembris']) {
      expect(text).toContain(`2026. gada ${month}`);
    }
    for (const section of [
      'Apmeklējums',
      'Mēneša plāni',
      'Vērtējumi',
      'Individuālā darba žurnāls',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Sarunā pārrunāti rudens sasniegumi.');
    expect(text).toMatch(/1\. lapa no \d+/);
    // The other group's talk and entries stay in its own file.
    expect(text).not.toContain('Skaņu izrunas vingrinājumi ar spoguli.');
  }, 120_000);

  it('cancelled, keeps no file, not even the finished ones or the one being written', async () => {
    const b = await as('vaditaja');
    const folder = mkdtempSync(path.join(dir, 'usb-'));
    let status: ArchiveStatus = await start(
      new Context(b.router.state),
      { ...YEAR, groupId: null },
      new FolderSink(folder),
    );
    // Wait for the first group's file, then cancel while the second is being made.
    while (status.files.length === 0 && status.state === 'running') {
      await sleep(20);
      status = await b.ok('overview.archiveStatus', { jobId: status.jobId });
    }
    expect(readdirSync(folder)).toHaveLength(1);
    status = await b.ok('overview.archiveCancel', { jobId: status.jobId });
    expect(status).toMatchObject({ state: 'cancelled', files: [], part: 'Atcelts' });
    await sleep(300);
    expect(readdirSync(folder)).toEqual([]);
    expect((await b.ok('overview.archiveStatus', { jobId: status.jobId })).state).toBe('cancelled');
    expect((await b.fail('overview.archiveFile', { jobId: status.jobId, index: 0 })).code).toBe(
      'NOT_FOUND',
    );
  }, 120_000);

  it('refuses a period over two school years with the reason, and a teacher altogether', async () => {
    const b = await as('vaditaja');
    const over = await b.fail('overview.archiveStart', {
      from: '2026-10-01',
      to: '2027-09-15',
      groupId: null,
    });
    expect(over.fields?.to).toBe(
      'Arhīvs aptver vienu mācību gadu (01.09.2026–31.08.2027): izvēlieties periodu tā robežās.',
    );
    const backwards = await b.fail('overview.archiveStart', {
      from: '2027-08-31',
      to: '2026-09-01',
      groupId: null,
    });
    expect(backwards.fields?.to).toBe('Perioda beigas nevar būt pirms tā sākuma.');
    const teacher = await as(data.groups[0].teachers[0]);
    const refused = await teacher.fail('overview.archiveStart', { ...YEAR, groupId: null });
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('prints and exports', () => {
  const period = { from: '2026-09-01', to: '2026-11-04' };

  it('prints each journal as far as the user reads it', async () => {
    const head = await as('vaditaja');
    const work = await pdfText(
      (await head.ok('overview.journalPrint', { ...period, journal: 'individualWork' })).base64,
    );
    expect(work).toContain('Individuālā darba žurnāls');
    expect(work).toContain('Skaitīšana līdz desmit ar kociņiem.');
    expect(work).toContain('Skaņu izrunas vingrinājumi ar spoguli.');
    const diaryFile = await head.ok('overview.journalPrint', { ...period, journal: 'diary' });
    expect(diaryFile.fileName).toBe(`dienasgramata-${period.from}-${period.to}.pdf`);
    const diary = await pdfText(diaryFile.base64);
    expect(diary).toContain('Mācību gada sākuma sanāksme.');
    const talks = await pdfText(
      (await head.ok('overview.journalPrint', { ...period, journal: 'talks' })).base64,
    );
    expect(talks).toContain('Vairāk lasīt kopā.');
    const checks = await pdfText(
      (await head.ok('overview.journalPrint', { ...period, journal: 'checks' })).base64,
    );
    expect(checks).toContain('Žurnāls aizpildīts kārtīgi.');
    expect(checks).toContain(data.groups[1].name);

    // A teacher of g1: her own entry, not the speech therapist's about g2; g1's checks only.
    const teacher = await as(data.groups[0].teachers[0]);
    const own = await pdfText(
      (await teacher.ok('overview.journalPrint', { ...period, journal: 'individualWork' })).base64,
    );
    expect(own).toContain('Skaitīšana līdz desmit ar kociņiem.');
    expect(own).not.toContain('Skaņu izrunas');
    const groupChecks = await pdfText(
      (await teacher.ok('overview.journalPrint', { ...period, journal: 'checks' })).base64,
    );
    expect(groupChecks).not.toContain('Žurnāls aizpildīts kārtīgi.');
    expect(
      (await teacher.fail('overview.journalPrint', { ...period, journal: 'diary' })).message,
    ).toBe('Šo žurnālu jūs nevarat izdrukāt.');
    const speech = await as('logopede');
    expect((await speech.fail('overview.journalPrint', { ...period, journal: 'talks' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('exports the supervision report as PDF and XLSX with the late and missing items', async () => {
    const head = await as('vaditaja');
    const pdf = await head.ok('overview.reportExport', { ...YEAR, format: 'pdf' });
    const text = await pdfText(pdf.base64);
    expect(text).toContain('Uzraudzības pārskats');
    expect(text).toContain('01.09.2026–31.08.2027');
    expect(text).toContain(`Vecāks ${GAPS.overdueApplication}`);
    expect(text).toContain('07.10.2026 09:00');
    const xlsx = await head.ok('overview.reportExport', { ...YEAR, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(Buffer.from(xlsx.base64, 'base64')).buffer);
    const [counts, items] = book.worksheets;
    const rows = counts.getSheetValues().filter(Boolean) as unknown[][];
    const plan = rows.find((r) => r[1] === 'Mēneša plāns' && r[2] === data.groups[0].name)!;
    // Laikus, novēloti, nav izdarīts, vēl laiks: September and October on time, November missing.
    expect(plan.slice(4, 8)).toEqual([2, 0, 1, 1]);
    // The planted items, each on its line (2 plans, 2 days, 1 topic's marks, 1 check, 1
    // application), and at noon today's two days, not confirmed by 09:00.
    expect(items.rowCount - 4).toBe(9);
  });
});
