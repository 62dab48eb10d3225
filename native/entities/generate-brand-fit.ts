/**
 * Which brand categories a brand template's sentence fits ("ordered food
 * from {brand}" wants a food-delivery app, not a bank). Templates are
 * numbered in parallel across languages (hi-brands-014, te-brands-014 and
 * ta-brands-014 all say "bought a new {brand} car"), so one table keyed by
 * class and number serves every language; a template not listed takes any
 * brand.
 */
const ONLINE_ORDER = ['ecommerce', 'quick_commerce', 'food_delivery', 'retail'];
const PAYS = ['payments', 'fintech', 'bank'];
const BANKISH = ['bank', 'fintech', 'payments', 'insurance'];

const FIT: Record<string, readonly string[]> = {
  'brands-001': ['food_delivery', 'restaurant', 'quick_commerce'],
  'brands-003': ['bank', 'fintech', 'payments'],
  'brands-005': PAYS,
  'brands-006': ONLINE_ORDER,
  'brands-007': ['telecom'],
  'brands-008': [...ONLINE_ORDER, 'logistics'],
  'brands-009': ['electronics'],
  'brands-010': [
    'payments',
    'fintech',
    'ecommerce',
    'quick_commerce',
    'food_delivery',
    'mobility',
    'social',
    'streaming',
    'travel',
  ],
  'brands-011': ['travel', 'airline', 'entertainment'],
  'brands-012': ['payments', 'fintech'],
  'brands-013': [...ONLINE_ORDER, 'travel', 'payments'],
  'brands-014': ['automobile'],
  'brands-015': ['telecom'],
  'brands-016': ['insurance'],
  'brands-017': ONLINE_ORDER,
  'brands-018': ['ecommerce', 'social', 'streaming', 'payments', 'fintech', 'edtech'],
  'brands-019': ['telecom'],
  'brands-021': ['bank', 'fintech'],
  'brands-023': BANKISH,
  'brands-024': ['retail', 'electronics', 'pharmacy', 'restaurant'],
  'brands-025': ['fmcg', 'retail', 'ecommerce'],
  'brands-026': ['mobility'],
  'brands-027': ['streaming', 'entertainment'],
  'brands-028': ['telecom', 'utility'],
  'brands-029': ['electronics'],
  'brands-031': ['payments', 'travel', 'government'],
  'brands-032': ['airline'],
  'brands-033': ['bank', 'tech', 'conglomerate', 'automobile', 'fmcg', 'oil_gas', 'insurance'],
  'brands-034': ['payments', 'fintech', 'bank'],
  'brands-035': ['oil_gas'],
  'brands-036': ['bank', 'tech', 'conglomerate', 'automobile', 'fmcg', 'ecommerce', 'insurance'],
  'brands-038': ONLINE_ORDER,
  'brands-039': ONLINE_ORDER,
  'brands-040': ['quick_commerce', 'ecommerce', 'retail'],
  'proper_nouns-033': ['bank', 'tech', 'conglomerate', 'ecommerce', 'insurance'],
  'mixed-002': [...ONLINE_ORDER, 'travel', 'payments'],
  'mixed-005': ['payments', 'fintech', 'ecommerce', 'social'],
  'mixed-007': ONLINE_ORDER,
  'mixed-010': ['mobility'],
  'mixed-012': ONLINE_ORDER,
  'mixed-020': ONLINE_ORDER,
  'mixed-023': PAYS,
  'mixed-030': ONLINE_ORDER,
  'mixed-035': ['airline'],
};

/** The categories a template's {brand} should be drawn from; undefined: any. */
export function brandCategories(templateId: string): readonly string[] | undefined {
  return FIT[templateId.replace(/^[a-z]+-/, '')];
}
