import type { Route } from './use-hash-route.js';

const ITEMS: {
  screen: 'projects' | 'library' | 'runs' | 'evaluate' | 'annotate' | 'generate' | 'models';
  label: string;
  href: string;
}[] = [
  { screen: 'projects', label: 'Project', href: '#/projects' },
  { screen: 'library', label: 'Library', href: '#/library' },
  { screen: 'runs', label: 'Runs', href: '#/runs' },
  { screen: 'evaluate', label: 'Evaluate', href: '#/evaluate' },
  { screen: 'annotate', label: 'Annotate', href: '#/annotate' },
  { screen: 'generate', label: 'Generate', href: '#/generate' },
  { screen: 'models', label: 'Models', href: '#/models' },
];

const COMING: string[] = [];

/** Left navigation: plain links (Tab and Enter work), the current one marked for screen readers. */
export function Nav({ route }: { route: Route }) {
  const current = route.screen === 'run' ? 'runs' : route.screen;
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◎
        </span>{' '}
        Charkha
      </div>
      <ul>
        {ITEMS.map((i) => (
          <li key={i.screen}>
            <a href={i.href} aria-current={current === i.screen ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
      {COMING.length > 0 && (
        <>
          <p className="nav-section muted">Coming later</p>
          <ul>
            {COMING.map((c) => (
              <li key={c}>
                <span className="nav-disabled" aria-disabled="true">
                  {c}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
