import { useNotify, useRefresh } from 'react-admin';
import { problemDetail } from './http';

/**
 * Runs an admin action (undo a merge, release a seat, ...), then notifies and refreshes the page;
 * a refusal from the server (e.g. 409 when already done) is shown as it came.
 */
export function useAdminAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notify(done, { type: 'success' });
    } catch (e) {
      notify(problemDetail(e), { type: 'error' });
    }
    refresh();
  };
}
