import { UserError } from '../contract/errors.js';
import type { FamilySpec } from './families.js';
import type { ModelFile, ModelManifest } from './manifest.js';

/**
 * The manifest file that plays `role`: the one the manifest says, else the
 * first whose path matches the family's pattern (a manifest written by hand
 * or by an import that could not tell).
 */
export function resolveRole(
  manifest: ModelManifest,
  spec: FamilySpec,
  role: string,
): ModelFile | undefined {
  const byRole = manifest.files.find((f) => f.role === role);
  if (byRole) return byRole;
  const rs = spec.roles.find((r) => r.role === role);
  if (!rs) return undefined;
  return manifest.files.find((f) => f.role === undefined && rs.match.test(f.path));
}

/** Every required role's file, or a `model_invalid` naming the role that has none. */
export function resolveRoles(
  manifest: ModelManifest,
  spec: FamilySpec,
  where: string,
): Record<string, ModelFile> {
  const out: Record<string, ModelFile> = {};
  for (const r of spec.roles) {
    const f = resolveRole(manifest, spec, r.role);
    if (f) out[r.role] = f;
    else if (!r.optional) {
      throw new UserError(
        'model_invalid',
        `model ${manifest.id} (${where}) lists no ${r.role} file, which a ${spec.family} model needs`,
      );
    }
  }
  return out;
}
