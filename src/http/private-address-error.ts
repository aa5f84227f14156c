/**
 * Raised below HTTP when a connection would reach a refused address (see is-private-address.ts).
 * Not a LinkmedicError: the tool works as configured; the checker turns it into the verdict
 * `skipped` with reason `private_address`, and API callers see it as a failed request.
 */
export class PrivateAddressError extends Error {
  static readonly code = 'ELINKMEDIC_PRIVATE_ADDRESS';
  override readonly name = 'PrivateAddressError';
  readonly code = PrivateAddressError.code;

  constructor(
    /** The host name or IP literal as written in the URL. */
    readonly hostname: string,
    /** The refused address it is or resolved to. */
    readonly address: string,
  ) {
    super(
      hostname === address
        ? `refused to connect to private address ${address}`
        : `refused to connect to ${hostname}: it resolves to private address ${address}`,
    );
  }
}

/** Finds a PrivateAddressError in an error or its `cause` chain (fetch wraps errors in TypeError). */
export function findPrivateAddressError(error: unknown): PrivateAddressError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof PrivateAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
