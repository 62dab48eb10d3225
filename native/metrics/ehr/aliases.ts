/**
 * The alias index that name entities (brand, person, place) are matched
 * with: every alias in every script, keyed by its `standard` form, so that
 * "Paytm", "पेटीएम" and "పేటీఎం" find the same canonical id. Built once per
 * process (the scorer asks it twice per name entity); tests inject their
 * own entries.
 */

import { loadBrands, loadPersons, loadPlaces } from '../../entities/lexicon.js';
import { standardString } from './text-views.js';

/** One named thing and its spellings (the lexicon loaders' shape). */
export interface AliasEntry {
  id: string;
  canonical: string;
  aliases: readonly string[];
}

export type AliasKind = 'brand' | 'place' | 'person';

export interface IndexedAlias {
  id: string;
  kind: AliasKind;
  canonical: string;
  /** `standard` forms of the canonical name and every alias. */
  forms: readonly string[];
}

export interface AliasIndex {
  /** Entries that have `form` (already in `standard` form) as an alias. */
  lookup(form: string): readonly IndexedAlias[];
}

export interface AliasSources {
  brands?: readonly AliasEntry[];
  places?: readonly AliasEntry[];
  persons?: readonly AliasEntry[];
}

/** `standard` form of an alias; the language only selects the script checks, so any will do. */
export function aliasForm(s: string): string {
  return standardString(s, 'en');
}

export function buildAliasIndex(sources: AliasSources): AliasIndex {
  const byForm = new Map<string, IndexedAlias[]>();
  const add = (kind: AliasKind, entries: readonly AliasEntry[] | undefined): void => {
    for (const e of entries ?? []) {
      const forms = [...new Set([e.canonical, e.id, ...e.aliases].map(aliasForm))].filter(
        (f) => f !== '',
      );
      const indexed: IndexedAlias = { id: e.id, kind, canonical: e.canonical, forms };
      for (const f of forms) {
        const list = byForm.get(f);
        if (list === undefined) byForm.set(f, [indexed]);
        else if (!list.some((x) => x.id === e.id && x.kind === kind)) list.push(indexed);
      }
    }
  };
  add('brand', sources.brands);
  add('place', sources.places);
  add('person', sources.persons);
  const none: readonly IndexedAlias[] = [];
  return { lookup: (form) => byForm.get(form) ?? none };
}

/** An index with no entries: names then match by their own spelling and transliteration only. */
export const EMPTY_ALIAS_INDEX: AliasIndex = { lookup: () => [] };

// A lexicon file that is absent (a partial install, a test tree) leaves that
// kind out rather than failing every score.
function tryLoad(load: () => readonly AliasEntry[]): readonly AliasEntry[] {
  try {
    return load();
  } catch {
    return [];
  }
}

let defaultIndex: AliasIndex | undefined;

/** The index of the installed lexicons (`assets/lexicons`), built on first use. */
export function defaultAliasIndex(): AliasIndex {
  defaultIndex ??= buildAliasIndex({
    brands: tryLoad(loadBrands),
    places: tryLoad(loadPlaces),
    persons: tryLoad(() =>
      loadPersons().map((p) => ({ id: p.id, canonical: p.latin, aliases: p.aliases })),
    ),
  });
  return defaultIndex;
}

/** Whether the index knows `surface` as a place (spec §6: `proper_noun` → `place`). */
export function isKnownPlace(index: AliasIndex, surface: string): boolean {
  return index.lookup(aliasForm(surface)).some((e) => e.kind === 'place');
}
