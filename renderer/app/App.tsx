import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Bridge } from '../bridge/bridge.js';
import { engineErrorFrom, toEngineError, type EngineError } from '../bridge/engine-error.js';
import { ProgressToast } from '../components/ProgressToast.js';
import { LibraryScreen } from '../features/library/LibraryScreen.js';
import { PlayerDock } from '../features/player/PlayerDock.js';
import {
  PlayerContext,
  type PlayerControl,
  type PlayerRequest,
} from '../features/player/player-context.js';
import { BridgeContext } from './bridge-context.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Nav } from './Nav.js';
import { useHashRoute, type Route } from './use-hash-route.js';

// Screens other than the Library load on first visit: the Library and Player are what
// opening a project needs at once, and every other screen's code would delay them.
const ProjectsScreen = lazy(() =>
  import('../features/projects/ProjectsScreen.js').then((m) => ({ default: m.ProjectsScreen })),
);
const RunsScreen = lazy(() =>
  import('../features/runs/RunsScreen.js').then((m) => ({ default: m.RunsScreen })),
);
const RunDetailScreen = lazy(() =>
  import('../features/runs/RunDetailScreen.js').then((m) => ({ default: m.RunDetailScreen })),
);
const EvaluateScreen = lazy(() =>
  import('../features/evaluate/EvaluateScreen.js').then((m) => ({ default: m.EvaluateScreen })),
);
const AnnotateScreen = lazy(() =>
  import('../features/annotate/AnnotateScreen.js').then((m) => ({ default: m.AnnotateScreen })),
);
const ModelsScreen = lazy(() =>
  import('../features/models/ModelsScreen.js').then((m) => ({ default: m.ModelsScreen })),
);
const GenerateScreen = lazy(() =>
  import('../features/generate/GenerateScreen.js').then((m) => ({ default: m.GenerateScreen })),
);

/** Long paths lose their start, not their end: the project folder's name is what matters. */
function shortPath(p: string, max = 90): string {
  return p.length <= max ? p : `…${p.slice(p.length - max + 1)}`;
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'library':
      return <LibraryScreen />;
    case 'runs':
      return <RunsScreen />;
    case 'run':
      return <RunDetailScreen runId={route.runId} />;
    case 'evaluate':
      return <EvaluateScreen />;
    case 'annotate':
      return <AnnotateScreen audioId={route.audioId} />;
    case 'models':
      return <ModelsScreen />;
    case 'generate':
      return <GenerateScreen />;
    default:
      return <ProjectsScreen />;
  }
}

/** The shell: navigation, the project header, the error banner, the screen and the docked Player. */
export function App({ bridge }: { bridge: Bridge }) {
  const route = useHashRoute();
  const [path, setPath] = useState<string | null>(null);
  const [banner, setBanner] = useState<EngineError | null>(null);
  const [playing, setPlaying] = useState<PlayerRequest | null>(null);

  useEffect(() => {
    bridge
      .call('project.info', {})
      .then((p) => setPath(p.path))
      .catch((e: unknown) => setBanner(toEngineError(e)));
  }, [bridge]);

  // Errors the engine logs while working (not answers to a call) go to the banner.
  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.kind === 'log' && e.level === 'error')
          setBanner(engineErrorFrom('engine_log', e.message));
      }),
    [bridge],
  );

  const open = useCallback<PlayerControl['open']>((utteranceId, opts) => {
    setPlaying((p) => ({
      utteranceId,
      audioId: opts?.audioId,
      autoplay: opts?.autoplay ?? false,
      hypothesis: opts?.hypothesis,
      startSec: opts?.startSec,
      nonce: (p?.nonce ?? 0) + 1,
    }));
  }, []);
  const close = useCallback(() => setPlaying(null), []);
  const player = useMemo<PlayerControl>(
    () => ({ current: playing, open, close }),
    [playing, open, close],
  );

  // After choosing a screen in the navigation, keyboard users land in its content.
  useEffect(() => {
    if (document.activeElement?.closest('.nav'))
      document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.screen]);

  return (
    <BridgeContext.Provider value={bridge}>
      <PlayerContext.Provider value={player}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="shell">
          <Nav route={route} />
          <div className="column">
            <header className="topbar">
              <span className="topbar-label muted">Project</span>
              <span className="topbar-path mono" title={path ?? ''} data-testid="header-path">
                {path === null ? '…' : shortPath(path)}
              </span>
              <span className="topbar-mode muted">
                {bridge.kind === 'http' ? 'browser mode' : 'desktop'}
              </span>
            </header>
            <ErrorBanner error={banner} onDismiss={() => setBanner(null)} />
            <main id="main" className="main" tabIndex={-1}>
              <Suspense fallback={<p className="muted">Loading…</p>}>
                <Screen route={route} />
              </Suspense>
            </main>
            {playing && <PlayerDock key={playing.nonce} />}
          </div>
        </div>
        <ProgressToast />
      </PlayerContext.Provider>
    </BridgeContext.Provider>
  );
}
