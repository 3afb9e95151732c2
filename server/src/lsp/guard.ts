// Every request handler goes through `guard`: a cancelled request is answered
// with a cancellation error, and an exception is logged to the client's console
// and answered with an empty result, so one bad document never takes the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken } from './languageServer';

import type { Logger } from '../workspace/logger';

export type { Logger };

/** `rest`: what the library passes after the token (work-done and partial-result reporters). */
export type Guarded<P, R, E = void, A extends unknown[] = []> = (params: P, token: CancellationToken, ...rest: A) => Promise<R | ResponseError<E>>;

export function guard<P, R, E = void, A extends unknown[] = []>(
  log: Logger,
  method: string,
  empty: R,
  handler: (params: P, token: CancellationToken, ...rest: A) => R | ResponseError<E> | Promise<R | ResponseError<E>>,
  cancelled: () => ResponseError<E> = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.') as ResponseError<E>,
): Guarded<P, R, E, A> {
  return async (params, token, ...rest) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token, ...rest);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      log.error(`${method} failed: ${describe(error)}`);
      return empty;
    }
  };
}

/** Runs a notification handler, logging instead of throwing. */
export function guardNotification<P>(log: Logger, method: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
  return async (params) => {
    try {
      await handler(params);
    } catch (error) {
      log.error(`${method} failed: ${describe(error)}`);
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
