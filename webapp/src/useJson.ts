import { useEffect, useState } from 'react';
import { http } from './http';

export interface JsonState<T> {
  data?: T;
  error?: Error;
}

/** GETs a small JSON resource (facets, status) once per url; the request is dropped when the screen goes. */
export function useJson<T>(url: string): JsonState<T> {
  const [state, setState] = useState<JsonState<T>>({});
  useEffect(() => {
    const controller = new AbortController();
    http<T>(url, { signal: controller.signal })
      .then(({ json }) => setState({ data: json }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ error });
      });
    return () => controller.abort();
  }, [url]);
  return state;
}
