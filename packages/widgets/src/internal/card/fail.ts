import {EpnDataError, type EpnErrorCode} from '@epn/stats';
import {quotedSome} from '../lists.js';

// What the card family's readers share to word their errors (written once rather than at every throw).

/** An error whose detail is given in French and in English. */
export const fail = (code: EpnErrorCode, detail: string, detailEn: string): EpnDataError =>
  new EpnDataError(code, {detail, detailEn});

/**
 * A list of names as the messages quote them: `« a », « b »` in French, `"a", "b"` in English (`en`); past ten names,
 * the rest are counted (`… et 12 autres`).
 */
export const quoted = (names: readonly string[], en?: boolean): string => quotedSome(names, en);
