import type { HandlerMap } from '../context';
import { failureStatus, getAuto, saveAuto } from './auto-settings';
import { browse, browseAtSetup } from './browse';
import { exportOnRequest } from './export';
import { restoreAtSetup, restoreInApp } from './restore';

export const backupHandlers = {
  'backup.export': (input, ctx) => exportOnRequest(ctx, input),
  'backup.restore': (input, ctx) => restoreInApp(ctx.state, input.file, input.passphrase),
  'backup.restoreSetup': (input, ctx) => restoreAtSetup(ctx.state, input.file, input.passphrase),
  'backup.getAuto': (_input, ctx) => getAuto(ctx),
  'backup.saveAuto': (input, ctx) => saveAuto(ctx, input),
  'backup.status': (_input, ctx) => failureStatus(ctx),
  'backup.browse': (input, ctx) => browse(ctx.state, input),
  'backup.browseSetup': (input, ctx) => browseAtSetup(ctx.state, input),
} satisfies Partial<HandlerMap>;
