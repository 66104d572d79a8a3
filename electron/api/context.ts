import type { DataSource } from 'typeorm';
import type { Method, Output, ParsedInput } from '../../common/contract';
import { AppError } from '../../common/errors';
import type { SessionState, SessionUser } from './session';

/** What a handler gets besides its validated input. */
export class Context {
  constructor(readonly state: SessionState) {}

  now(): Date {
    return this.state.clock.now();
  }

  get db(): DataSource {
    return this.state.db;
  }

  get user(): SessionUser {
    const user = this.state.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: Context) => Promise<Output<M>>;
/** A domain's handlers: `satisfies HandlerMap<...>` keeps each one typed by its method. */
export type HandlerMap<M extends Method = Method> = { [K in M]: Handler<K> };
