// BUDGET_KEYS in a module of its own: the all-in-one file exports it (the builder page reads it) without the budget
// card's readers, which load on first use (epn-cards.js).
/** Names under which each input is recognised in a file (loose: case, accents, `_`, units in parentheses ignored). */
export const BUDGET_KEYS = {
  budget: ['budget', 'budget annuel', 'budget total', 'budget global', 'budget de fonctionnement', 'budget par an', 'budget eur', 'annual budget',
    'yearly budget', 'total budget', 'depenses', 'depenses annuelles', 'depense', 'depense annuelle', 'spending', 'annual spending', 'expenditure',
    'montant', 'montant annuel', 'cout', 'cout annuel', 'cost', 'annual cost'],
  population: ['population', 'population totale', 'population municipale', 'population legale', 'habitants', 'nombre d habitants', 'nb habitants',
    'nombre habitants', 'inhabitants', 'residents', 'pop', 'total population'],
  registered: ['inscrits', 'inscrits annuels', 'inscrits par an', 'nombre d inscrits', 'nb inscrits', 'nombre inscrits', 'usagers inscrits', 'usagers',
    'adherents', 'registered', 'registered users', 'registrations', 'members', 'users', 'annual users'],
  year: ['annee', 'an', 'year', 'exercice', 'millesime'],
} as const;
