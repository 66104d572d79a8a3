import type { z } from 'zod';
import type { Role } from '../roles';

/** One API method: the zod schema of its input and (as a phantom type) its result. */
export interface MethodDef<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown> {
  input: I;
  /** Never set at run time; carries the result type for the typed client. */
  output?: O;
}

/** `method<Result>()(inputSchema)`: the result type is named, the input is inferred. */
export const method =
  <O>() =>
  <I extends z.ZodTypeAny>(input: I): MethodDef<I, O> => ({ input });

/**
 * Who may call a method. 'public' needs no login; 'session' any logged-in user; otherwise the
 * roles listed. Services narrow further by group (a teacher's own groups, substitutions).
 */
export type Access = 'public' | 'session' | readonly Role[];

/** A domain's row of the permission table: every method of its contract, exactly once. */
export type Permissions<C> = Record<keyof C, Access>;
