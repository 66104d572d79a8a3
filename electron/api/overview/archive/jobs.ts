import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RowDomain } from '../../../../common/access-scope';
import type {
  ArchiveState,
  ArchiveStatus,
  OverviewFile,
} from '../../../../common/contract/overview';
import { dmy, monthTitle } from '../../../../common/dates';
import { AppError } from '../../../../common/errors';
import { message } from '../../../../common/messages';
import { schoolYearBounds, schoolYearOf } from '../../../../common/planning-rules';
import { Institution } from '../../../../database/entities';
import { Context } from '../../context';
import { renderPdfOffThread, type PdfWork } from '../../pdf';
import type { SessionState } from '../../session';
import { groupsIn, loadRules, type GroupFact } from '../facts';
import { fieldError } from '../../supervision/authored';
import { safeName } from '../words';
import { groupLabel, groupParts, type Part } from './parts';
import { MemorySink, type ArchiveSink } from './sinks';

/**
 * The year-end archive as a background job: one PDF per group, built part by part between the
 * user's calls (each part waits its turn in the router's queue, so no call waits for more than a
 * part), laid out on a worker thread, polled for progress and cancellable. A cancelled or failed
 * job keeps nothing; a job ends with the session that started it.
 */
interface Job {
  id: number;
  userId: number;
  state: ArchiveState;
  part: { key: string; params: Record<string, string> };
  done: number;
  total: number;
  sink: ArchiveSink;
  error: string | null;
  pdf: PdfWork | null;
}

const registries = new WeakMap<SessionState, { next: number; jobs: Map<number, Job> }>();

function registry(state: SessionState) {
  let found = registries.get(state);
  if (!found) {
    found = { next: 1, jobs: new Map() };
    registries.set(state, found);
    const jobs = found.jobs;
    state.onClose.add(() => {
      for (const job of jobs.values()) void stop(job, 'cancelled');
      jobs.clear();
      registries.delete(state);
    });
  }
  return found;
}

/** Ends a job as cancelled (or failed): the worker stops and every file it made is removed. */
async function stop(job: Job, state: 'cancelled' | 'failed'): Promise<void> {
  if (job.state !== 'running' && job.state !== 'done') return;
  job.state = state;
  await job.pdf?.cancel();
  await job.sink.discard();
}

/** The archive reads every journal of a group: she must read them all in full. */
const READS: readonly RowDomain[] = [
  'attendance',
  'planning',
  'assessment',
  'individualWork',
  'talks',
  'journalChecks',
];

/** The groups of a period the archive may be made of (class-list order). */
export async function groups(ctx: Context, from: string, to: string) {
  const found = await groupsIn(ctx.db.manager, from, to, 'all');
  return found.map((g) => ({ id: g.id, number: g.number, name: g.name }));
}

export async function start(
  ctx: Context,
  input: { from: string; to: string; groupId: number | null },
  sink: ArchiveSink = new MemorySink(),
): Promise<ArchiveStatus> {
  const m = ctx.db.manager;
  const rules = await loadRules(ctx);
  const year = schoolYearOf(input.from, rules.yearStart);
  const [first, last] = schoolYearBounds(year, rules.yearStart);
  if (input.to > last) {
    throw fieldError(ctx, 'to', 'overview.archiveOneYear', { from: dmy(first), to: dmy(last) });
  }
  for (const domain of READS) {
    if ((await ctx.access().groups(m, domain, 'read', input.from, input.to)) !== 'all') {
      throw new AppError('FORBIDDEN');
    }
  }
  const groups = await groupsIn(
    m,
    input.from,
    input.to,
    input.groupId === null ? 'all' : [input.groupId],
  );
  if (input.groupId !== null && groups.length === 0) {
    throw fieldError(ctx, 'groupId', 'overview.groupNotFound');
  }
  if (groups.length === 0) throw fieldError(ctx, 'groupId', 'overview.archiveNoGroups');
  const { jobs, ...reg } = registry(ctx.state);
  for (const job of jobs.values()) {
    if (job.state === 'running') throw new AppError('CONFLICT', 'overview.archiveBusy');
  }
  // One archive at a time is kept: starting anew lets the previous files go.
  for (const job of jobs.values()) await job.sink.discard();
  jobs.clear();
  const institution = (await m.findOneBy(Institution, { id: 1 }))?.name ?? '';
  const period = { from: input.from, to: input.to, year };
  const plan = groups.map((group) => ({
    group,
    parts: groupParts(rules, group, period, institution),
  }));
  const job: Job = {
    id: reg.next,
    userId: ctx.user.id,
    state: 'running',
    part: { key: 'overview.part.start', params: {} },
    done: 0,
    // Each part, and the layout of each group's file.
    total: plan.reduce((n, p) => n + p.parts.length + 1, 0),
    sink,
    error: null,
    pdf: null,
  };
  registries.get(ctx.state)!.next = reg.next + 1;
  jobs.set(job.id, job);
  void run(ctx.state, job, plan, period);
  return view(ctx, job);
}

async function run(
  state: SessionState,
  job: Job,
  plan: { group: GroupFact; parts: Part[] }[],
  period: { from: string; to: string; year: number },
): Promise<void> {
  const alive = () => job.state === 'running' && state.user?.id === job.userId && state.isOpen();
  try {
    for (const { group, parts } of plan) {
      const content: Content[] = [];
      for (const part of parts) {
        if (!alive()) return void (await stop(job, 'cancelled'));
        job.part = part;
        content.push(
          ...(await state.betweenCalls(async () =>
            alive() ? part.build(new Context(state)) : [],
          )),
        );
        job.done++;
      }
      if (!alive()) return void (await stop(job, 'cancelled'));
      job.part = { key: 'overview.part.render', params: { group: group.name } };
      job.pdf = renderPdfOffThread(
        document(group, period, content),
        `${groupLabel(group)} — {page}. lapa no {pages}`,
      );
      const bytes = await job.pdf.done;
      job.pdf = null;
      if (!alive()) return void (await stop(job, 'cancelled'));
      await job.sink.write(fileName(group, period), bytes);
      job.done++;
      // A cancel that came while the file was being written removes it too.
      if (!alive()) return void (await stop(job, 'cancelled'));
    }
    job.state = 'done';
    job.part = { key: 'overview.part.done', params: {} };
  } catch (err) {
    if (job.state !== 'running') return; // cancelled meanwhile: the worker's end is expected
    console.error('Archive failed:', err instanceof Error ? err.message : 'unknown error');
    job.error = 'overview.archiveFailed';
    await stop(job, 'failed');
  }
}

function document(
  group: GroupFact,
  period: { from: string; to: string; year: number },
  content: Content[],
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 44],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    content,
    info: {
      title: `Grupas žurnāls: ${groupLabel(group)}, ${period.year}./${period.year + 1}. m. g.`,
    },
  };
}

const fileName = (group: GroupFact, period: { from: string; to: string; year: number }) =>
  `arhivs-${period.year}-${period.year + 1}-${group.number ?? ''}${safeName(group.name)}.pdf`;

function own(ctx: Context, jobId: number): Job {
  const job = registries.get(ctx.state)?.jobs.get(jobId);
  if (!job || job.userId !== ctx.user.id) {
    throw new AppError('NOT_FOUND', 'overview.archiveNotFound');
  }
  return job;
}

function view(ctx: Context, job: Job): ArchiveStatus {
  const locale = ctx.state.locale;
  const params = { ...job.part.params };
  if (params.month) params.month = monthTitle(params.month, locale);
  const partKey = job.state === 'cancelled' ? 'overview.part.cancelled' : job.part.key;
  return {
    jobId: job.id,
    state: job.state,
    part: message(locale, partKey, params),
    done: job.done,
    total: job.total,
    files: job.sink.files.map((f, index) => ({ index, ...f })),
    error: job.error ? message(locale, job.error) : null,
  };
}

export async function status(ctx: Context, jobId: number): Promise<ArchiveStatus> {
  return view(ctx, own(ctx, jobId));
}

/** Stops the job at once (its queued part is skipped, the worker ends) and keeps nothing. */
export async function cancel(ctx: Context, jobId: number): Promise<ArchiveStatus> {
  const job = own(ctx, jobId);
  await stop(job, 'cancelled');
  return view(ctx, job);
}

export async function file(ctx: Context, jobId: number, index: number): Promise<OverviewFile> {
  const job = own(ctx, jobId);
  const found = job.sink.files[index];
  if (!found) throw new AppError('NOT_FOUND', 'overview.archiveNotReady');
  return {
    fileName: found.fileName,
    mimeType: 'application/pdf',
    base64: (await job.sink.read(index)).toString('base64'),
  };
}
