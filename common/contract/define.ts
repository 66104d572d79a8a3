import type { z } from 'zod';

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
