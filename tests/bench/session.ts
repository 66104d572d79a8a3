import type { Input, Method, Output } from '../../common/contract';
import type { SessionInfo } from '../../common/contract/auth';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { BENCH_PASSWORD, BENCH_TODAY } from './dataset';

export type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** The program's backend on one dataset, its clock on the dataset's "today" (as browser mode). */
export interface Session {
  dataDir: string;
  router: Router;
  call: Call;
  login: (username: string) => Promise<SessionInfo>;
}

export function openSession(dataDir: string): Session {
  const router = new Router({
    dataDir,
    clock: new TestClock(new Date(`${BENCH_TODAY}T08:00:00Z`)),
  });
  const call: Call = async (method, input) => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result as Output<typeof method>;
  };
  const login = (username: string) => call('auth.login', { username, password: BENCH_PASSWORD });
  return { dataDir, router, call, login };
}
