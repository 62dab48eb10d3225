/**
 * One calm colour per entity type: a light tint behind the text and a darker
 * underline of the same hue, so spans stay readable in any script and can
 * still be told apart by people with colour-vision deficiencies (the
 * underline style differs between groups, and the tooltip names the type).
 */
export interface EntityColor {
  bg: string;
  line: string;
  label: string;
}

export const ENTITY_COLORS: Record<string, EntityColor> = {
  phone: { bg: '#dbeafe', line: '#1d4ed8', label: 'phone' },
  digit_run: { bg: '#e0e7ff', line: '#4338ca', label: 'digit run' },
  pincode: { bg: '#ede9fe', line: '#6d28d9', label: 'PIN code' },
  currency_amount: { bg: '#dcfce7', line: '#15803d', label: 'currency amount' },
  house_number: { bg: '#fef3c7', line: '#b45309', label: 'house number' },
  vehicle_reg: { bg: '#fae8ff', line: '#a21caf', label: 'vehicle reg.' },
  upi_id: { bg: '#cffafe', line: '#0e7490', label: 'UPI id' },
  email: { bg: '#e0f2fe', line: '#0369a1', label: 'email' },
  date: { bg: '#ffedd5', line: '#c2410c', label: 'date' },
  time: { bg: '#fee2e2', line: '#b91c1c', label: 'time' },
  brand: { bg: '#fce7f3', line: '#be185d', label: 'brand' },
  person: { bg: '#f3e8ff', line: '#7e22ce', label: 'person' },
  place: { bg: '#d1fae5', line: '#047857', label: 'place' },
  loanword: { bg: '#f1f5f9', line: '#475569', label: 'loanword' },
};

const FALLBACK: EntityColor = { bg: '#eceae4', line: '#57534e', label: 'entity' };

export function entityColor(type: string): EntityColor {
  return ENTITY_COLORS[type] ?? { ...FALLBACK, label: type };
}
