import { formatBytes } from '../../app/format.js';
import { LicenceCell } from './LicenceCell.js';

/** What both model tables show of a model before their own columns. */
export interface ModelIdentity {
  id: string;
  name?: string | null;
  task: string;
  family: string;
  languages: readonly string[];
  sizeBytes: number | null;
  licence: string | null;
  nonCommercial: boolean;
}

/** The header both tables share; `own` names their last two columns. */
export function ModelTableHead({ own }: { own: readonly [string, string] }) {
  return (
    <thead>
      <tr>
        <th scope="col">Model</th>
        <th scope="col">Task</th>
        <th scope="col">Family</th>
        <th scope="col">Languages</th>
        <th scope="col" className="num">
          Size
        </th>
        <th scope="col">Licence</th>
        <th scope="col">{own[0]}</th>
        <th scope="col">{own[1]}</th>
      </tr>
    </thead>
  );
}

/** The shared cells of a model's row: id and name, task, family, languages, size, licence. */
export function ModelIdentityCells({ m }: { m: ModelIdentity }) {
  // A many-language model (NLLB, MMS) would otherwise fill the row with codes.
  const langs =
    m.languages.length > 6
      ? `${m.languages.slice(0, 6).join(', ')} +${m.languages.length - 6}`
      : m.languages.join(', ') || '—';
  return (
    <>
      <th scope="row">
        <span className="mono">{m.id}</span>
        {m.name && <div className="muted small">{m.name}</div>}
      </th>
      <td>{m.task.toUpperCase()}</td>
      <td className="mono">{m.family}</td>
      <td className="langs" title={m.languages.join(', ')}>
        {langs}
      </td>
      <td className="num">{m.sizeBytes === null ? '—' : formatBytes(m.sizeBytes)}</td>
      <td>
        <LicenceCell licence={m.licence} nonCommercial={m.nonCommercial} />
      </td>
    </>
  );
}
