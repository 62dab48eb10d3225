import { useState } from 'react';
import { useEngine } from '../../app/use-engine.js';
import { ErrorView } from '../../components/ErrorView.js';
import { CatalogModels } from './CatalogModels.js';
import { ImportCard } from './ImportCard.js';
import { InstalledModels } from './InstalledModels.js';
import './models.css';

/** The models this machine has (bundled, the user's folder, the project's) and the catalog. */
export function ModelsScreen() {
  const list = useEngine('models.list', {});
  const [imported, setImported] = useState<string | null>(null);
  const data = list.data;
  return (
    <div className="screen models">
      <div className="screen-head">
        <h1>Models</h1>
        {data && (
          <p className="muted">
            Model folder <span className="mono">{data.home}</span>
          </p>
        )}
      </div>
      {list.error && <ErrorView error={list.error} onRetry={list.reload} />}
      {data && (
        <>
          <ImportCard
            home={data.home}
            onImported={(id) => {
              setImported(id);
              list.reload();
            }}
          />
          <section className="card" aria-labelledby="installed-head">
            <h2 id="installed-head" className="card-title">
              Installed <span className="muted">({data.models.length})</span>
            </h2>
            {data.models.length === 0 ? (
              <p className="empty">No models yet. Import a folder above, or download one below.</p>
            ) : (
              <InstalledModels models={data.models} highlight={imported} onChanged={list.reload} />
            )}
            {data.broken.length > 0 && (
              <div className="broken" role="note">
                <strong>Folders that are not usable models:</strong>
                <ul>
                  {data.broken.map((b) => (
                    <li key={b.dir}>
                      <span className="mono">{b.dir}</span>: {b.problem}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="catalog-head">
            <h2 id="catalog-head" className="card-title">
              Catalog <span className="muted">({data.catalog.length} public models)</span>
            </h2>
            <p className="muted small">
              Downloading is the only thing Charkha does over the network, and only when you press
              Download. Non-commercial licences are flagged.
            </p>
            <CatalogModels models={data.catalog} onChanged={list.reload} />
          </section>
        </>
      )}
    </div>
  );
}
