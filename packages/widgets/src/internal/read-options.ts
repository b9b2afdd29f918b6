import type {ParseOptions} from '@epn/stats';

/** How a widget asks the core to read its file: the attributes that override the reading's guesses. */
export type ReadOptions = Pick<ParseOptions, 'delimiter' | 'encoding' | 'decimal' | 'headerRows' | 'types'>;

/** The attributes behind {@link ReadOptions}, as an element holds them. */
export interface ReadAttributes {
  delimiter: string | null;
  encoding: string | null;
  decimal: string | null;
  headerRows: number | null;
  types: string | null;
}

const DECIMALS: Record<string, string> = {virgule: ',', comma: ',', point: '.', dot: '.'};
const TYPES: Record<string, string> = {nombre: 'number', number: 'number', texte: 'text', text: 'text', string: 'text'};

/**
 * The read options of a widget's attributes: `delimiter`, `encoding`, `decimal` (`,` or `.`; `virgule` and `point`
 * too), `header-rows` and `types` (`pop_com: nombre; CODGEO: texte`, names as in the file's header, `number`/`text`
 * in English too). Empty attributes are left out (the core guesses); a value the core does not understand reaches
 * it as written, and it refuses it with a French `BAD_OPTION` that names it.
 */
export function readOptionsOf(a: ReadAttributes): ReadOptions {
  const out: ReadOptions = {};
  if (a.delimiter) out.delimiter = a.delimiter;
  if (a.encoding) out.encoding = a.encoding;
  const decimal = a.decimal?.trim();
  if (decimal) out.decimal = (DECIMALS[decimal.toLowerCase()] ?? decimal) as ParseOptions['decimal'];
  if (a.headerRows !== null && a.headerRows !== undefined && !Number.isNaN(a.headerRows)) out.headerRows = a.headerRows;
  const types = a.types?.trim();
  if (types) {
    const map: Record<string, string> = {};
    for (const part of types.split(';')) {
      if (!part.trim()) continue;
      const at = part.lastIndexOf(':');
      const name = (at < 0 ? part : part.slice(0, at)).trim();
      const type = at < 0 ? '' : part.slice(at + 1).trim();
      map[name] = TYPES[type.toLowerCase()] ?? type;
    }
    out.types = map as ParseOptions['types'];
  }
  return out;
}
