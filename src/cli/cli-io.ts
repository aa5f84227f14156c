/** The outside world of one CLI invocation; tests pass buffers, production passes the process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock reports measure their window from (`--since 30d`). Default: the system clock. */
  now?: () => Date;
  /**
   * Ends the process now, for a server told twice to stop: the work it handed back must not go on
   * here while another process takes it over. Absent in tests that run the CLI in-process.
   */
  exit?: (code: number) => void;
  /**
   * The process ends once the command returns (the CLI's own process; absent in tests that run the
   * CLI in-process). Idle keep-alive connections never hold a process up, so a one-shot command
   * leaves them to the operating system instead of tearing them down one by one: ~15 ms of a
   * 1,000-link check's exit for its 256 connections.
   */
  endsWithCommand?: boolean;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  exit: (code) => process.exit(code),
  endsWithCommand: true,
});
