import type { ReferenceEdit, ReferenceForm } from '../../../native/contract/index.js';

export const FORM_LABELS: Record<ReferenceForm, string> = {
  text: 'written text',
  spoken: 'spoken form',
};

/** "written text", "spoken form" or "written text and spoken form". */
export function formsChanged(edit: Pick<ReferenceEdit, 'forms'>): string {
  return edit.forms.map((f) => FORM_LABELS[f]).join(' and ') || 'reference';
}
