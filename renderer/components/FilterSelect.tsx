export type FilterOption = string | { value: string; label: string };

/**
 * One labelled drop-down of a filter bar (the Library's and the Evaluate
 * table's): an optional "all" choice first (value ""), then the options, each
 * a plain value or a value with its label.
 */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  all,
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  /** The label of the "no filter" choice; none when absent. */
  all?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) =>
          typeof o === 'string' ? (
            <option key={o} value={o}>
              {o}
            </option>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
    </label>
  );
}

/** A record of names (value → label) as options, in its order. */
export function namedOptions(names: Readonly<Record<string, string>>): FilterOption[] {
  return Object.entries(names).map(([value, label]) => ({ value, label }));
}
