import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'projects' }
  | { screen: 'library' }
  | { screen: 'runs' }
  | { screen: 'evaluate' }
  | { screen: 'annotate'; audioId: number | null }
  | { screen: 'models' }
  | { screen: 'generate' }
  | { screen: 'run'; runId: number };

/** Hash routes (`#/runs/3`) work the same under charkha serve and Electron's app:// protocol. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  switch (parts[0]) {
    case 'library':
      return { screen: 'library' };
    case 'evaluate':
      return { screen: 'evaluate' };
    case 'annotate': {
      const id = Number(parts[1]);
      return { screen: 'annotate', audioId: parts[1] && Number.isInteger(id) ? id : null };
    }
    case 'models':
      return { screen: 'models' };
    case 'generate':
      return { screen: 'generate' };
    case 'runs': {
      const id = Number(parts[1]);
      return parts[1] && Number.isInteger(id) ? { screen: 'run', runId: id } : { screen: 'runs' };
    }
    default:
      return { screen: 'projects' };
  }
}

export function hrefOf(r: Route): string {
  if (r.screen === 'run') return `#/runs/${r.runId}`;
  if (r.screen === 'annotate') return r.audioId === null ? '#/annotate' : `#/annotate/${r.audioId}`;
  return `#/${r.screen}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
