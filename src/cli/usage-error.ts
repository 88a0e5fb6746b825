// A mistake in how a command was typed: printed as one line and a hint, exit code 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` the hint points to; none → the list of commands. */
    readonly command?: string,
  ) {
    super(message);
  }
}
