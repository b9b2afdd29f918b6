import {en, fr} from './messages.js';

/**
 * The stable codes of {@link EpnDataError}. Each names one thing a webmaster can fix.
 *
 * - Bytes: `NOT_TEXT` (a ZIP/XLSX/PDF or binary file), `NOT_CSV` (an HTML page or JSON served as CSV),
 *   `EMPTY` (no bytes, or only spaces), `NO_DATA` (a header and no rows), `UNTERMINATED_QUOTE`.
 * - Network: `BAD_URL` (not http/https), `HTTP_STATUS` (404, 500…), `NETWORK` (offline or CORS refusal),
 *   `TIMEOUT`, `TRUNCATED` (the body was cut short), `TOO_LARGE` (over `maxBytes`), `ABORTED` (cancelled by the
 *   caller: never shown to a user).
 * - Use of the data: `MISSING_COLUMN` (a named column is not in the file), `NOT_NUMERIC` (a count column holds no
 *   number), `UNEXPECTED_SHAPE` (the table is not laid out as the chart needs, e.g. no Hommes/Femmes rows),
 *   `BAD_OPTION` (an option value that is not understood).
 */
export type EpnErrorCode =
  | 'NOT_TEXT'
  | 'NOT_CSV'
  | 'EMPTY'
  | 'NO_DATA'
  | 'UNTERMINATED_QUOTE'
  | 'BAD_URL'
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'TRUNCATED'
  | 'TOO_LARGE'
  | 'ABORTED'
  | 'MISSING_COLUMN'
  | 'NOT_NUMERIC'
  | 'UNEXPECTED_SHAPE'
  | 'BAD_OPTION';

/** The details an {@link EpnDataError} may carry; they fill the French and English messages. */
export interface EpnErrorDetails {
  /** 1-based line of the file where the problem is, when known. */
  line?: number;
  /** 0-based data row, when known. */
  row?: number;
  /** Column name, when known. */
  column?: string;
  /** HTTP status, for `HTTP_STATUS`. */
  status?: number;
  /** The URL concerned, for network errors. */
  url?: string;
  /** A limit (bytes or milliseconds) for `TOO_LARGE` and `TIMEOUT`. */
  limit?: number;
  /** The names available, for `MISSING_COLUMN`. */
  available?: string[];
  /** Free detail (the option name, the kind of file…), in French. */
  detail?: string;
  /** The same detail in English, when the caller has it. */
  detailEn?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error type of `@epn/stats`: a stable {@link EpnErrorCode}, a French `message` written for a webmaster
 * (what is wrong and what to fix) and, where known, the `line`, `row` and `column` concerned.
 *
 * @example
 * ```ts
 * try { parseCsv(''); } catch (e) { (e as EpnDataError).code; } // 'EMPTY'
 * ```
 */
export class EpnDataError extends Error {
  /** Stable, machine-readable code. */
  readonly code: EpnErrorCode;
  /** The details that fill the message. */
  readonly details: EpnErrorDetails;
  /** 0-based data row, when known. */
  readonly row?: number;
  /** Column name, when known. */
  readonly column?: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;

  constructor(code: EpnErrorCode, details: EpnErrorDetails = {}) {
    super(fr[code](details));
    this.name = 'EpnDataError';
    this.code = code;
    this.details = details;
    if (details.row != null) this.row = details.row;
    if (details.column != null) this.column = details.column;
    if (details.line != null) this.line = details.line;
  }

  /** The message in `fr` (default) or `en`. */
  localizedMessage(locale: string = 'fr'): string {
    return (isEnglish(locale) ? en : fr)[this.code](this.details);
  }
}

/** True when `locale` asks for English (`en`, `en-GB`…); everything else is French. @internal */
export function isEnglish(locale: string | undefined): boolean {
  return !!locale && /^en\b/i.test(locale);
}

/** A `BAD_OPTION` error with its French detail, and its English one when given. @internal */
export function badOption(detail: string, detailEn?: string): EpnDataError {
  return new EpnDataError('BAD_OPTION', detailEn === undefined ? {detail} : {detail, detailEn});
}
