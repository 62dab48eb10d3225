/** A licence, with non-commercial ones flagged where a data team cannot miss them. */
export function LicenceCell({
  licence,
  nonCommercial,
}: {
  licence: string | null;
  nonCommercial: boolean;
}) {
  return (
    <>
      <span className="mono small">{licence ?? 'not stated'}</span>
      {nonCommercial && (
        <span className="badge badge-nc" title="This licence forbids commercial use">
          non-commercial
        </span>
      )}
    </>
  );
}
