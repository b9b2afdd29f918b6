import {badOption, EpnDataError} from '../errors.js';
import {parseAgeLabel, type AgeRange} from './age-bands.js';
import {bandScheme, commonScheme, type BandScheme} from './band-schemes.js';
import {transposeCrossTab, type CrossTab} from './cross-tab.js';
import {ageAxis, harmonise, overlapFraction, type HarmoniseMethod} from './harmonise.js';
import {ratio} from './ratio.js';
import {sexOf, type Sex} from './sex.js';

/** Options of {@link reach}. */
export interface ReachOptions {
  /**
   * Ages left out of the overall rate and of the shares, as ranges or labels (`['0-9', '75 +']` for the seed's « hors
   * 0-9 ans et + de 75 ans »). A band partly inside keeps the share of its ages outside (an estimate, flagged).
   */
  exclude?: ReadonlyArray<string | AgeRange>;
  /** How the population is put in the users' bands when its own differ (see {@link harmonise}); default `uniform`. */
  method?: HarmoniseMethod;
  /**
   * The bands compared: `users` (default: the users' own, the population put in them, estimated where needed),
   * `common` (the coarsest scheme both files give exactly, see {@link commonScheme}: fewer bands, no estimate), or a
   * scheme (a preset's name, lower bounds, labels) both are put in.
   */
  bands?: 'users' | 'common' | Parameters<typeof bandScheme>[0];
}

/** Users and population of one sex in one band. */
export interface ReachCell {
  users: number | null;
  population: number | null;
  /** users ÷ population; `null` when the population is 0 or unknown. */
  rate: number | null;
  /** This rate ÷ the overall rate (1: as many users as the population would give). */
  index: number | null;
}

/** One band of a {@link Reach}. */
export interface ReachBand {
  label: string;
  range: AgeRange;
  users: number | null;
  population: number | null;
  /** users ÷ population (`null` when the population is 0 or unknown: never 0 or Infinity). */
  rate: number | null;
  /** The band's share of the users counted in the overall rate (`null` when left out). */
  userShare: number | null;
  /** The band's share of the population counted in the overall rate (`null` when left out). */
  populationShare: number | null;
  /** userShare ÷ populationShare: above 1, over-represented among users; below 1, under-represented. */
  index: number | null;
  /** The share of the band's ages counted in the overall rate: 1, 0 (excluded) or in between (partly excluded). */
  included: number;
  /** Whether its figures rest on an estimate (a band of the population, or of the users, was split to fit). */
  estimated: boolean;
  /** Whether its users are an estimate (only when `bands` asks for other bands than the users' own). */
  usersEstimated: boolean;
  /** Per sex, when both the users and the population have Hommes and Femmes. */
  sexes?: Record<Sex, ReachCell>;
}

/** Registered users against the population, band by band: the result of {@link reach}. */
export interface Reach {
  bands: ReachBand[];
  /** The users counted in the overall rate (bands included, partly included ones pro rata). */
  users: number | null;
  /** The population counted in the overall rate. */
  population: number | null;
  /** users ÷ population over the included ages. */
  rate: number | null;
  /** Per sex over the included ages, when both sides have sexes. */
  sexes?: Record<Sex, ReachCell>;
  /** The ages left out, as asked. */
  excluded: AgeRange[];
  /** Whether some figure rests on an estimate (population split to fit, or a band partly excluded). */
  estimated: boolean;
  /** The users' bands (the population is expressed in them). */
  scheme: BandScheme;
}

const SEXES: Sex[] = ['Hommes', 'Femmes'];

/**
 * Registered users against the population, band by band: per band the users, the population, the rate (users ÷
 * population), each one's share of the included total and the representation index (share of users ÷ share of
 * population, 1 meaning the band comes as often as its weight in the population), per sex where both cross-tabs have
 * Hommes and Femmes, and the overall rate over the included bands. The population is put in the users' bands with
 * {@link harmonise} (exact where its bands allow, else a flagged estimate). A band's users are its column total
 * (every row, `Non communiqué` included); its population is the population's column total.
 *
 * Null policy: a band whose population is 0 or unknown has a `null` rate and index (never 0 or Infinity), and an
 * unknown count makes the overall figures it enters `null`. Throws `BAD_OPTION` for an unreadable `exclude` and what
 * {@link harmonise} throws; `UNEXPECTED_SHAPE` when the users have no age bands.
 *
 * @example
 * ```ts
 * const r = reach(seedUsers, calvadosMancheOrne2023, {exclude: ['0-9', '75 +']});
 * r.rate;             // users ÷ population over 10 to 74 (bands split at 10 and 75 are estimates)
 * r.bands[7].index;   // the 65 + band's index
 * ```
 */
export function reach(users: CrossTab, population: CrossTab, options: ReachOptions = {}): Reach {
  const excluded = (options.exclude ?? []).map((e) => {
    const r =
      typeof e === 'string'
        ? parseAgeLabel(e)
        : e && Number.isInteger(e.lower)
          ? {lower: e.lower, upper: e.upper ?? null}
          : null;
    if (!r)
      throw badOption(
        `exclude : « ${String(e)} » n'est pas une tranche d'âge (par exemple 0-9 ou 75 +)`,
        `exclude: "${String(e)}" is not an age range (e.g. 0-9 or 75 +)`,
      );
    return r;
  });
  const method = options.method ? {method: options.method} : {};
  const own = oriented(users, 'utilisateurs', 'users');
  const popOwn = oriented(population, 'population', 'population');
  const wanted = options.bands ?? 'users';
  const scheme =
    wanted === 'users'
      ? ageAxis(own)!.scheme
      : wanted === 'common'
        ? commonScheme(ageAxis(own)!.scheme, ageAxis(popOwn)!.scheme)
        : bandScheme(wanted);
  // The users are put in other bands only when asked (`common` is exact by construction).
  const u = wanted === 'users' ? own : harmonise(own, scheme, method);
  const usersEstimated = 'estimated' in u.meta ? (u.meta.estimated as boolean[]) : scheme.labels.map(() => false);
  const pop = harmonise(popOwn, scheme, method);
  const colOf = (ct: CrossTab) => scheme.labels.map((l) => ct.columnLabels.indexOf(l));
  const uCols = colOf(u);
  const bySex = SEXES.every(
    (s) => u.rowLabels.some((l) => sexOf(l) === s) && pop.rowLabels.some((l) => sexOf(l) === s),
  );
  const rowOf = (ct: CrossTab, s: Sex) => ct.rowLabels.findIndex((l) => sexOf(l) === s);
  const colSum = (ct: CrossTab, j: number) => ct.columnTotals[j] ?? null;
  const bands = scheme.ranges.map((range, b) => {
    const kept = 1 - excluded.reduce((x, e) => x + overlapFraction(range, e), 0);
    return {
      b,
      range,
      included: Math.max(0, Math.min(1, kept)),
      users: colSum(u, uCols[b]!),
      population: colSum(pop, b),
    };
  });
  const weighted = (xs: Array<number | null>) =>
    bands.reduce<number | null>(
      (acc, band, i) =>
        band.included === 0
          ? acc
          : acc === null || xs[i] === null || xs[i] === undefined
            ? null
            : acc + xs[i]! * band.included,
      0,
    );
  const totalUsers = weighted(bands.map((x) => x.users));
  const totalPop = weighted(bands.map((x) => x.population));
  const rate = positive(totalPop) ? ratio(totalUsers, totalPop) : null;
  const cellOf = (usersN: number | null, popN: number | null, overall: number | null): ReachCell => {
    const r = positive(popN) ? ratio(usersN, popN) : null;
    return {users: usersN, population: popN, rate: r, index: ratio(r, overall)};
  };
  let sexes: Record<Sex, ReachCell> | undefined;
  const sexCells = bySex ? SEXES.map((s) => ({s, ur: rowOf(u, s), pr: rowOf(pop, s)})) : [];
  if (bySex) {
    sexes = {} as Record<Sex, ReachCell>;
    for (const {s, ur, pr} of sexCells) {
      sexes[s] = cellOf(
        weighted(uCols.map((j) => u.counts[ur]![j]!)),
        weighted(bands.map((_, b) => pop.counts[pr]![b]!)),
        rate,
      );
    }
  }
  const out: ReachBand[] = bands.map(({b, range, included, users: un, population: pn}) => {
    const r = positive(pn) ? ratio(un, pn) : null;
    const userShare = included > 0 ? ratio(un === null ? null : un * included, totalUsers) : null;
    const populationShare = included > 0 ? ratio(pn === null ? null : pn * included, totalPop) : null;
    return {
      label: scheme.labels[b]!,
      range,
      users: un,
      population: pn,
      rate: r,
      userShare,
      populationShare,
      index: positive(populationShare) ? ratio(userShare, populationShare) : null,
      included,
      estimated: pop.meta.estimated[b]! || usersEstimated[b]!,
      usersEstimated: usersEstimated[b]!,
      ...(bySex
        ? {
            sexes: Object.fromEntries(
              sexCells.map(({s, ur, pr}) => [s, cellOf(u.counts[ur]![uCols[b]!]!, pop.counts[pr]![b]!, rate)]),
            ) as Record<Sex, ReachCell>,
          }
        : {}),
    };
  });
  return {
    bands: out,
    users: totalUsers,
    population: totalPop,
    rate,
    ...(sexes ? {sexes} : {}),
    excluded,
    estimated: out.some((x) => x.estimated || (x.included > 0 && x.included < 1)),
    scheme,
  };
}

const positive = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** The cross-tab with its age bands as columns (transposed when they are its rows). */
function oriented(ct: CrossTab, fr: string, en: string): CrossTab {
  const found = ageAxis(ct);
  if (!found) {
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `les ${fr} ne sont pas répartis par tranches d'âge (colonnes : ${ct.columnLabels.slice(0, 4).join(', ')})`,
      detailEn: `the ${en} are not broken down by age band (columns: ${ct.columnLabels.slice(0, 4).join(', ')})`,
    });
  }
  return found.axis === 'columns' ? ct : transposeCrossTab(ct);
}
