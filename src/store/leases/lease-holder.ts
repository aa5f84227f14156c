import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** `host:pid:uuid`: unique per acquisition, and says which process to ask whether it still lives. */
export const newLeaseHolder = (): string => `${hostname()}:${process.pid}:${randomUUID()}`;

/**
 * A holder on this host whose process no longer exists (killed, crashed): its lease is void
 * before it expires. Holders on other hosts, and this process's own, are never judged gone.
 */
export function isDeadHolder(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
