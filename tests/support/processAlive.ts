// Whether a process still runs, for sweeping what a killed test run left behind.

/** EPERM: it runs, as another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
