import { useBridge } from '../../app/bridge-context.js';
import { formatBytes, formatDate } from '../../app/format.js';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';

/** The open project: where it is, what it holds, and how to open another one. */
export function ProjectsScreen() {
  const bridge = useBridge();
  const info = useEngine('project.info', {});
  const p = info.data;
  return (
    <div className="screen projects">
      <div className="screen-head">
        <h1>Project</h1>
      </div>
      {info.error && <ErrorView error={info.error} onRetry={info.reload} />}
      {p && (
        <section className="card" aria-labelledby="project-info-title" data-testid="project-info">
          <h2 id="project-info-title">Open project</h2>
          <p className="project-path mono" data-testid="project-path">
            {p.path}
          </p>
          <dl className="facts">
            <div>
              <dt>Utterances</dt>
              <dd data-testid="count-utterances">{p.counts.utterances.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Entities</dt>
              <dd>{p.counts.entities.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Recordings</dt>
              <dd>{p.counts.audio.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Evaluation runs</dt>
              <dd>{p.counts.runs.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Jobs</dt>
              <dd>{p.counts.jobs.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Size on disk</dt>
              <dd>
                {formatBytes(p.sizeBytes)}{' '}
                <span className="muted">
                  (audio {formatBytes(p.audioBytes)}, database {formatBytes(p.databaseBytes)})
                </span>
              </dd>
            </div>
            <div>
              <dt>Schema</dt>
              <dd>
                version {p.schemaVersion}
                {p.schemaVersion !== p.charkhaSchemaVersion && (
                  <span className="muted"> (this Charkha writes {p.charkhaSchemaVersion})</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDate(p.createdAt)}</dd>
            </div>
          </dl>
        </section>
      )}
      <section className="card note" aria-labelledby="open-another-title">
        <h2 id="open-another-title">Opening another project</h2>
        {bridge.kind === 'http' ? (
          <>
            <p>
              In the browser, Charkha shows the one project that <code>charkha serve</code> opened.
              To work on another, stop the server in its terminal (Ctrl-C) and start it on the other
              folder, then open the new link it prints:
            </p>
            <pre className="code-block">charkha serve -p /path/to/other-project</pre>
            <p className="muted">
              To make a new project first: <code>charkha project init /path/to/new-project</code>.
            </p>
          </>
        ) : (
          <p>Creating and opening projects from the desktop app comes in a later version.</p>
        )}
      </section>
    </div>
  );
}
