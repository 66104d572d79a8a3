/**
 * At most `size` calls at once, the others waiting their turn in order. Server mode lets as many
 * calls in as its PostgreSQL pool has connections: a burst (forty logins at nine o'clock) then
 * waits here for as long as it takes, instead of in the pool, whose wait is the connect timeout
 * and would answer "the database is not available" to a call that was merely queued.
 */
export class AdmissionGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running++;
    else await new Promise<void>((admit) => this.waiting.push(admit));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
