import {
  bandScheme,
  crossTab,
  EpnDataError,
  findColumn,
  readCrossTab,
  readPopulation,
  reach,
  type CrossTab,
  type Reach,
  type ReachOptions as CoreReachOptions,
  type SchemeName,
  type Table,
} from '@epn/stats';

/** What `scheme` becomes for the core's {@link reach}. */
export type ReachBandsOption = NonNullable<CoreReachOptions['bands']>;
import {drawable, parseBands} from '../internal/read-by-band.js';

/** How to read the users' file and the population file (the element's attributes). */
export interface ReachOptions {
  /**
   * Long tables of users: the age column (band labels, or ages in years binned by `bands`), the sex column (default
   * `sexe`), the count column (without it, each row counts one person).
   */
  ageColumn?: string | null;
  sexColumn?: string | null;
  valueColumn?: string | null;
  /** Lower bounds of the bands for ages in years (`0,18,65`); default: the seed's eight bands. */
  bands?: string | null;
  /** The population file's territories (names or codes, `,`-separated, added). */
  populationArea?: string | null;
  /** The population file's groups of columns in a two-row header (`Hommes, Femmes` or `Ensemble`). */
  populationGroup?: string | null;
  /** Ages left out of the overall rate, `,`-separated ranges (`0-9, 75 +`). */
  exclude?: string | null;
  /** `per-thousand` (default: users per 1 000 inhabitants) or `percent`. */
  measure?: string | null;
  /**
   * The bands compared: `users` (default: the users' bands, the population estimated where its bands differ), `common`
   * (the coarsest bands both files give exactly), a preset's name (`broad`, `quinquennal`…) or lower bounds (`0,18,65`).
   */
  scheme?: string | null;
}

/** What the reach chart shows. */
export interface ReachModel {
  measure: 'per-thousand' | 'percent';
  reach: Reach;
  /** The population's territories, as the file names them (empty: the whole file). */
  areas: string[];
  /** The excluded ranges as written in the attribute (for labels). */
  excludedLabels: string[];
}

/** The users as a cross-tab: a CrossTab as given, a wide table as published, or a long table (`age-column`). */
export function usersCrossTab(
  input: Table | CrossTab,
  options: Pick<ReachOptions, 'ageColumn' | 'sexColumn' | 'valueColumn' | 'bands'>,
): CrossTab {
  if ('rowLabels' in input) return input;
  if (options.ageColumn) {
    const age = findColumn(input, options.ageColumn);
    return crossTab(input, {
      rows: options.sexColumn || 'sexe',
      columns: age,
      value: options.valueColumn || undefined,
      bands: input.meta.types[age] === 'number' ? parseBands(options.bands) : undefined,
    });
  }
  return readCrossTab(input);
}

/** Splits `exclude="0-9, 75 +"` into ranges' texts. */
export function parseExclude(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The reach model: users against the population read from its file (the core's {@link readPopulation} and
 * {@link reach}). Throws EpnDataError: `BAD_OPTION` (measure, exclude, area), and what the core throws.
 */
export function reachData(users: Table | CrossTab, population: Table, options: ReachOptions = {}): ReachModel {
  const measure = options.measure || 'per-thousand';
  if (measure !== 'per-thousand' && measure !== 'percent') {
    throw new EpnDataError('BAD_OPTION', {
      detail: `measure="${measure}" (per-thousand ou percent)`,
      detailEn: `measure="${measure}" (per-thousand or percent)`,
    });
  }
  const u = drawable(usersCrossTab(users, options), false);
  const pop = readPopulation(population, {
    ...(options.populationArea ? {area: options.populationArea} : {}),
    ...(options.populationGroup ? {group: options.populationGroup} : {}),
  });
  const excludedLabels = parseExclude(options.exclude);
  return {
    measure,
    reach: reach(u, pop, {exclude: excludedLabels, bands: parseScheme(options.scheme)}),
    areas: pop.meta.areas,
    excludedLabels,
  };
}

/** Reads `scheme="common"`, `"broad"` or `"0,18,65"` (BAD_OPTION for anything else, from the core). */
export function parseScheme(text: string | null | undefined): ReachBandsOption {
  const v = (text ?? '').trim();
  if (!v || v === 'users') return 'users';
  if (v === 'common') return 'common';
  if (/^[\d\s,;]+$/.test(v))
    return v
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
  return bandScheme(v as SchemeName);
}
