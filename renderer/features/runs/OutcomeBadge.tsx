import { OUTCOMES, outcomeLabel } from './outcomes.js';

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const help = OUTCOMES.find((o) => o.key === outcome)?.help;
  return (
    <span className={`badge badge-${outcome}`} title={help}>
      {outcomeLabel(outcome)}
    </span>
  );
}
