import { useEffect, useState } from 'react';
import { http } from '../http';

interface Specialty {
  code: string;
  name: string;
  active: boolean;
}

/**
 * Active specialties as select choices, from the managed list every module shares; `undefined`
 * until loaded (selects then show a loading state rather than an unknown value).
 */
export function useSpecialtyChoices(): { id: string; name: string }[] | undefined {
  const [choices, setChoices] = useState<{ id: string; name: string }[]>();
  useEffect(() => {
    const controller = new AbortController();
    http<Specialty[]>('/api/specialties', { signal: controller.signal })
      .then(({ json }) =>
        setChoices((json ?? []).filter((s) => s.active).map((s) => ({ id: s.code, name: s.name }))),
      )
      // without the list the inputs stay empty; the server still validates the codes
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return choices;
}
