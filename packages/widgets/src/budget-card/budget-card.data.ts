import {EpnDataError, parseNumber, ratio, type CrossTab, type Table} from '@epn/stats';
import {fail, quoted} from '../internal/card/fail.js';
import {populationByAge, type Population, type PopulationOptions} from './budget-card.population.js';
import {euroUnit, findEntry, readFigures, type KeyValue, type KeyValues} from '../internal/card/key-values.js';

import {BUDGET_KEYS} from './budget-keys.js';
export {BUDGET_KEYS};

/** Where an input comes from. */
export type InputOrigin = 'attribute' | 'file' | 'population-src';

/** An input of the card: its value and where it comes from. */
export interface BudgetInput {
  value: number | null;
  origin: InputOrigin | null;
  /** The key of the file it was read under, when read from the file. */
  key: string | null;
  /** The marker of the file's cell (`nd`, `s`), when the value is one. */
  marker: KeyValue['marker'];
}

/** What the card shows. */
export interface BudgetModel {
  year: string | null;
  budget: BudgetInput;
  population: BudgetInput;
  registered: BudgetInput;
  /** budget / population, `null` when either is missing or the population is not above 0. */
  perInhabitant: number | null;
  /** budget / registered users, `null` likewise. */
  perRegistered: number | null;
  /** The population file read (`population-src`), when given. */
  populationTable: Population | null;
  /** The per-inhabitant figure over an age range (`ages`), when asked for. */
  restricted: {population: Population; perInhabitant: number | null} | null;
  /**
   * The share of the population registered (`reach-ages`): registered ÷ the population of those ages, the seed's
   * « % population inscrite … (hors 0-9 ans et + de 75 ans) ». `rate` is `null` when either is unknown or zero.
   */
  reach: {population: Population; rate: number | null} | null;
}

/** The card's attributes. */
export interface BudgetOptions extends PopulationOptions {
  budget?: string | null;
  population?: string | null;
  registered?: string | null;
  year?: string | null;
  /** The population-by-age table (`population-src`), once loaded. */
  populationTable?: Table | null;
  /** The ages of the share of the population registered (`10-74`); without it, no such figure. */
  reachAges?: string | null;
}

/**
 * Reads an amount or a count given in an attribute: `1050000`, `1 050 000`, `1 050 000 €`, `1,05 M€`, `800 k€`.
 * `null` for an empty attribute; throws `BAD_OPTION` for anything else (text, negative numbers).
 */
export function parseAmount(name: string, text: string | null | undefined): number | null {
  if (text === null || text === undefined || !text.trim()) return null;
  const raw = text.trim();
  const m = /^(.*?)\s*(k|m|md|mds)\s*(€|eur|euros)?$/i.exec(raw);
  let value = parseNumber(raw);
  if (value === null && m && m[1]) {
    const base = parseNumber(m[1]);
    const factor = {k: 1e3, m: 1e6, md: 1e9, mds: 1e9}[m[2]!.toLowerCase() as 'k' | 'm' | 'md' | 'mds'];
    value = base === null ? null : base * factor;
  }
  if (value === null || value < 0) {
    throw fail(
      'BAD_OPTION',
      `${name}="${text}" : un nombre positif, par exemple 1050000 ou 1 050 000`,
      `${name}="${text}": a positive number, e.g. 1050000 or 1 050 000`,
    );
  }
  return value;
}

/** `numerator / denominator` when the denominator is above 0, else `null` (never Infinity or NaN). */
export function perHead(numerator: number | null, denominator: number | null): number | null {
  return denominator === null || !(denominator > 0) ? null : ratio(numerator, denominator);
}

function fromFile(kv: KeyValues | null, keys: readonly string[], euros = false): BudgetInput | null {
  const e = kv ? findEntry(kv.entries, keys) : undefined;
  if (!e) return null;
  if (e.value === null && e.text !== null && /\d/.test(e.text)) throw unreadable(e.key, e.text, e.line);
  const {factor} = euros ? euroUnit(e.unit) : {factor: 1};
  return {value: e.value === null ? null : e.value * factor, origin: 'file', key: e.key, marker: e.marker};
}

/**
 * A figure of the file written so that it does not read as a number (`(1 050 000)`, `1 050 000 euros HT`): said,
 * with its line and what it holds, rather than drawn as an empty card.
 */
function unreadable(key: string, text: string, line: number | null): EpnDataError {
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  const negative = /^\s*\(.*\)\s*$/.test(text);
  return fail(
    'UNEXPECTED_SHAPE',
    `la valeur de « ${key} »${line ? ` (ligne ${line})` : ''} est « ${shown} », qui n'est pas un nombre${negative ? ' (entre parenthèses, elle se lirait comme un montant négatif)' : ''} ; écrivez-la en chiffres seuls, par exemple 1050000 ou 1 050 000`,
    `the value of "${key}"${line ? ` (line ${line})` : ''} is "${shown}", which is not a number${negative ? ' (in parentheses, it would read as a negative amount)' : ''}; write it in digits only, e.g. 1050000 or 1 050 000`,
  );
}

const none: BudgetInput = {value: null, origin: null, key: null, marker: null};

/**
 * The budget card's figures: € per inhabitant and € per registered user, from the attributes (which win) and the
 * file (a key/value file or a one-row table; see {@link BUDGET_KEYS} for the names recognised), and, with a
 * population table, the population of a territory and the € per inhabitant over an age range.
 *
 * Null policy: a missing, empty or zero denominator gives `null` (shown "non disponible"), never Infinity or NaN; an
 * empty budget cell gives `budget.value: null` (the card is then empty). Throws `UNEXPECTED_SHAPE` /
 * `MISSING_COLUMN` when there is no budget at all (saying where to give it), `BAD_OPTION` for an attribute that is
 * not a number, `ages` without a population table, and what {@link populationByAge} throws.
 *
 * @example
 * ```ts
 * budgetFigures(null, {budget: '1050000', population: '1480000', registered: '65691'}).perInhabitant; // 0.709…
 * ```
 */
export function budgetFigures(input: Table | CrossTab | null, options: BudgetOptions = {}): BudgetModel {
  const kv = readFigures(input, {year: options.year});
  const attr = (name: string, text: string | null | undefined): BudgetInput | null => {
    const value = parseAmount(name, text);
    return value === null ? null : {value, origin: 'attribute', key: null, marker: null};
  };
  const budget = attr('budget', options.budget) ?? fromFile(kv, BUDGET_KEYS.budget, true);
  if (!budget) throw missingBudget(input, kv);
  const registered = attr('registered', options.registered) ?? fromFile(kv, BUDGET_KEYS.registered) ?? none;
  let population = attr('population', options.population) ?? fromFile(kv, BUDGET_KEYS.population);

  let populationTable: Population | null = null;
  let restricted: BudgetModel['restricted'] = null;
  let reach: BudgetModel['reach'] = null;
  if (options.populationTable) {
    if (options.reachAges && options.reachAges.trim()) {
      const part = populationByAge(options.populationTable, {...options, ages: options.reachAges});
      reach = {population: part, rate: perHead(registered.value, part.value)};
    }
    const whole = populationByAge(options.populationTable, {territory: options.territory, group: options.group});
    populationTable = whole;
    if (!population) population = {value: whole.total, origin: 'population-src', key: null, marker: null};
    if (options.ages && options.ages.trim()) {
      const part = populationByAge(options.populationTable, options);
      restricted = {population: part, perInhabitant: perHead(budget.value, part.value)};
    }
  } else if ((options.ages && options.ages.trim()) || (options.reachAges && options.reachAges.trim())) {
    const attr = options.ages && options.ages.trim() ? `ages="${options.ages}"` : `reach-ages="${options.reachAges}"`;
    throw fail(
      'BAD_OPTION',
      `${attr} demande une table de population par âge : ajoutez population-src (par exemple le fichier de l'INSEE)`,
      `${attr} needs a population table by age: add population-src (e.g. INSEE's file)`,
    );
  }
  population ??= none;
  const yearAttr = options.year && options.year.trim() ? options.year.trim() : null;
  const yearEntry = kv ? findEntry(kv.entries, BUDGET_KEYS.year) : undefined;
  const year =
    yearAttr ?? (yearEntry ? (yearEntry.text ?? (yearEntry.value === null ? null : String(yearEntry.value))) : null);
  return {
    year,
    budget,
    population,
    registered,
    perInhabitant: perHead(budget.value, population.value),
    perRegistered: perHead(budget.value, registered.value),
    populationTable,
    restricted,
    reach,
  };
}

function missingBudget(input: Table | CrossTab | null, kv: KeyValues | null): EpnDataError {
  if (kv && kv.shape === 'record' && input && !('rowLabels' in input)) {
    return new EpnDataError('MISSING_COLUMN', {column: 'budget', available: input.columns});
  }
  const found = kv ? kv.entries.map((e) => e.key) : [];
  const list = (en?: boolean) => quoted(found.slice(0, 8), en) + (found.length > 8 ? '…' : '');
  return fail(
    'UNEXPECTED_SHAPE',
    `il manque le budget : donnez-le avec l'attribut budget="…" ou dans le fichier (une ligne « budget », « budget annuel » ou « dépenses »)` +
      (found.length ? ` ; indicateurs trouvés : ${list()}` : ''),
    `the budget is missing: give it with the budget="…" attribute or in the file (a "budget", "budget annuel" or "dépenses" line)` +
      (found.length ? `; figures found: ${list(true)}` : ''),
  );
}
