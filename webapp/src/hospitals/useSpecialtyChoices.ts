import { useEffect, useState } from 'react';
import { http } from '../http';

export interface Choice {
  id: string;
  name: string;
}

/**
 * The managed specialty list as choices for pickers and filters. Read straight from
 * /api/specialties: its items are keyed by `code`, not the `id` react-admin's data hooks insist on.
 */
export function useSpecialtyChoices(): Choice[] {
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    http<{ code: string; name: string }[]>('/api/specialties', { signal: controller.signal })
      .then(({ json }) => setChoices((json ?? []).map((s) => ({ id: s.code, name: s.name }))))
      .catch(() => setChoices([]));
    return () => controller.abort();
  }, []);
  return choices;
}
