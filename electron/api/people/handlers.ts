import type { HandlerMap } from '../context';
import * as applications from './applications';
import * as children from './children';
import * as groups from './groups';
import * as guardians from './guardians';
import * as imports from './import';
import { applicationPdf } from './pdf';

/** The people API: each method is one call of its service (groups, children, guardians…). */
export const peopleHandlers = {
  'groups.list': (input, ctx) => groups.list(ctx, input),
  'groups.create': (input, ctx) => groups.create(ctx, input),
  'groups.update': (input, ctx) => groups.update(ctx, input),
  'groups.assignTeacher': (input, ctx) => groups.assignTeacher(ctx, input),
  'groups.endTeacher': (input, ctx) => groups.endTeacher(ctx, input),
  'groups.teachers': (_input, ctx) => groups.teachers(ctx),

  'children.list': (input, ctx) => children.list(ctx, input),
  'children.get': (input, ctx) => children.get(ctx, input.id),
  'children.create': (input, ctx) => children.create(ctx, input),
  'children.update': (input, ctx) => children.update(ctx, input),
  'children.move': (input, ctx) => children.move(ctx, input),
  'children.leave': (input, ctx) => children.leave(ctx, input),
  'children.revealCode': (input, ctx) => children.revealCode(ctx, input.id),

  'guardians.list': (input, ctx) => guardians.list(ctx, input),
  'guardians.create': (input, ctx) => guardians.create(ctx, input),
  'guardians.update': (input, ctx) => guardians.update(ctx, input),
  'guardians.link': (input, ctx) => guardians.link(ctx, input),
  'guardians.unlink': (input, ctx) => guardians.unlink(ctx, input),

  'applications.list': (input, ctx) => applications.list(ctx, input),
  'applications.create': (input, ctx) => applications.create(ctx, input),
  'applications.connect': (input, ctx) => applications.connect(ctx, input),
  'applications.refuse': (input, ctx) => applications.refuse(ctx, input),
  'applications.pdf': (input, ctx) => applicationPdf(ctx, input.id),

  'import.preview': (input, ctx) => imports.preview(ctx, input),
  'import.confirm': (input, ctx) => imports.confirm(ctx, input),
} satisfies Partial<HandlerMap>;
