import type { HandlerMap } from '../context';
import * as archive from './archive/jobs';
import { charts } from './charts';
import { home } from './home';
import { journalPrint } from './prints';
import { report, reportItems } from './report';
import { reportExport } from './report-export';

/** What is due, at a glance: the home list, the supervision report, charts, archive, prints. */
export const overviewHandlers = {
  'overview.home': (_input, ctx) => home(ctx),
  'overview.report': (input, ctx) => report(ctx, input.from, input.to),
  'overview.reportItems': (input, ctx) => reportItems(ctx, input),
  'overview.reportExport': (input, ctx) => reportExport(ctx, input),
  'overview.charts': (input, ctx) => charts(ctx, input.schoolYear),
  'overview.journalPrint': (input, ctx) => journalPrint(ctx, input),
  'overview.groups': (input, ctx) => archive.groups(ctx, input.from, input.to),
  'overview.archiveStart': (input, ctx) => archive.start(ctx, input),
  'overview.archiveStatus': (input, ctx) => archive.status(ctx, input.jobId),
  'overview.archiveCancel': (input, ctx) => archive.cancel(ctx, input.jobId),
  'overview.archiveFile': (input, ctx) => archive.file(ctx, input.jobId, input.index),
} satisfies Partial<HandlerMap>;
