import {EpnDataError, type EpnErrorCode} from '@epn/stats';

// What the card family's readers share to word their errors (written once rather than at every throw).

/** An error whose detail is given in French and in English. */
export const fail = (code: EpnErrorCode, detail: string, detailEn: string): EpnDataError => new EpnDataError(code, {detail, detailEn});

/** A list of names as the messages quote them: `« a », « b »` in French, `"a", "b"` in English (`en`). */
export const quoted = (names: readonly string[], en?: boolean): string => names.map((n) => (en ? `"${n}"` : `« ${n} »`)).join(', ');
