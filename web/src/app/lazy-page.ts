import { lazy, type ComponentType } from 'react';

const RELOADED_AT = 'sunshine.chunkReloadAt';

/**
 * React.lazy for a route's page, surviving a release: after a deploy the old hashed chunks are
 * gone, so a tab opened before it fails to load the next page. Reload once (not in a loop) to
 * fetch the new index.html; a second failure within a minute goes to the error boundary.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() =>
    load().catch((error: unknown) => {
      const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
      if (Date.now() - last > 60_000) {
        sessionStorage.setItem(RELOADED_AT, String(Date.now()));
        window.location.reload();
        return new Promise<{ default: T }>(() => undefined);
      }
      throw error;
    }),
  );
}
