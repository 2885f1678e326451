// Garbage collection deletes every block no pin reaches, so it must never run while an upload or a replication
// is writing blocks that are not pinned yet. Writers share the lock; the collector takes it alone.
export class WriteLock {
  private writers = 0;
  private collecting = false;
  private waiters: Array<() => void> = [];

  /** Runs `fn` while no garbage collection runs; many writers may hold the lock at once. */
  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.collecting) await this.wait();
    this.writers++;
    try {
      return await fn();
    } finally {
      this.writers--;
      this.wake();
    }
  }

  /** Runs `fn` alone: after the current writers finish, before new ones start. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.collecting) await this.wait();
    // Claim first so that no new writer starts, then let the current ones finish.
    this.collecting = true;
    try {
      while (this.writers > 0) await this.wait();
      return await fn();
    } finally {
      this.collecting = false;
      this.wake();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
