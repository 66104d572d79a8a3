/**
 * Which windows of the logged-in session have unsaved input (renderer/src/dirty.ts reports it
 * through 'session.setDirty'). The session owns it: logging out or idling ends the session and its
 * unsaved input with it (SessionState.close clears this). Updates never install while it is set.
 */
export class DirtyWindows {
  private readonly windows = new Set<string>();

  set(windowId: string, dirty: boolean): void {
    if (dirty) this.windows.add(windowId);
    else this.windows.delete(windowId);
  }

  any(): boolean {
    return this.windows.size > 0;
  }

  clear(): void {
    this.windows.clear();
  }
}
