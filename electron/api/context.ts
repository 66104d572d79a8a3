import type { DataSource } from 'typeorm';
import type { Method, Output, ParsedInput } from '../../common/contract';
import { AppError } from '../../common/errors';
import { Access } from './access/scope';
import { rigaDate } from './clock';
import type { SessionState, SessionUser } from './session';

/** What a handler gets besides its validated input. */
export class Context {
  private scope?: Access;

  constructor(readonly state: SessionState) {}

  /** The access scope of the logged-in user for this call (common/access-scope.ts). */
  access(): Access {
    this.scope ??= new Access(this.user, rigaDate(this.now()));
    return this.scope;
  }

  /** The backend's date in Riga. */
  today(): string {
    return rigaDate(this.now());
  }

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
