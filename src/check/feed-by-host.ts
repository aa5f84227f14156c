/**
 * Runs tasks grouped by host, at most `width(host)` at a time per host, every host at once.
 * Starting all URL checks together would hold a pending chain per URL for the whole run
 * (10,000 links: hundreds of MB); lanes per host keep the live set proportional to the caps
 * while every host still has work queued the moment a request slot frees up.
 */
export async function feedByHost(
  tasks: ReadonlyArray<{ host: string; run: () => Promise<void> }>,
  width: (host: string) => number,
): Promise<void> {
  const byHost = new Map<string, Array<() => Promise<void>>>();
  for (const task of tasks) {
    const list = byHost.get(task.host);
    if (list) list.push(task.run);
    else byHost.set(task.host, [task.run]);
  }
  await Promise.all(
    [...byHost].map(([host, list]) => {
      let next = 0;
      const lane = async () => {
        while (next < list.length) await list[next++]!();
      };
      return Promise.all(Array.from({ length: Math.max(1, Math.min(width(host), list.length)) }, lane));
    }),
  );
}
