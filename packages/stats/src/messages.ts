// The French and English messages of EpnDataError's codes (errors.ts), in a module of their own: the widgets' worker
// file, whose errors cross to the page as a code and details (the page writes the message), is built without them
// (rollup.config.mjs).
import type {EpnErrorCode, EpnErrorDetails} from './errors.js';

export type Messages = Record<EpnErrorCode, (d: EpnErrorDetails) => string>;

const where = (d: EpnErrorDetails, fr: boolean): string =>
  d.line != null ? (fr ? ` (ligne ${d.line})` : ` (line ${d.line})`) : '';
/** A number of tenths, rounded, with the language's decimal separator (`2,5` / `2.5`). */
const tenths = (x: number, fr: boolean): string => String(Math.round(x) / 10).replace('.', fr ? ',' : '.');
/** A size limit for a message: `2 Mo` / `2 MB`, `512 Ko` / `512 KB` or `900 octets` / `900 bytes` below 1 Ko. */
const size = (n: number | undefined, fr: boolean): string => {
  if (n == null) return '?';
  if (n >= 1048576) return `${tenths((n / 1048576) * 10, fr)} ${fr ? 'Mo' : 'MB'}`;
  if (n >= 1024) return `${tenths((n / 1024) * 10, fr)} ${fr ? 'Ko' : 'KB'}`;
  return `${n} ${fr ? 'octets' : 'bytes'}`;
};
/** A duration limit for a message: seconds from 1 s, milliseconds below. */
const duration = (ms: number, fr: boolean): string => (ms >= 1000 ? `${tenths(ms / 100, fr)} s` : `${ms} ms`);
/** Text quoted the language's way: `« x »` / `"x"`. */
const quote = (x: string, fr: boolean): string => (fr ? `« ${x} »` : `"${x}"`);
/** Names quoted, separated by commas. */
const list = (names: string[], fr: boolean): string => names.map((n) => quote(n, fr)).join(', ');
/** ` « url »` / ` "url"` after `before`, or nothing without a URL. */
const url = (d: EpnErrorDetails, fr: boolean, before = ''): string => (d.url ? `${before} ${quote(d.url, fr)}` : '');

/** The French messages (EpnDataError's `message`). @internal */
export const fr: Messages = {
  NOT_TEXT: (d) =>
    `Ce fichier n'est pas un fichier texte CSV${d.detail ? ` (il ressemble à ${d.detail})` : ''}. ` +
    `Enregistrez le tableau au format « CSV (séparateur : point-virgule) » depuis votre tableur, puis publiez ce fichier.`,
  NOT_CSV: (d) =>
    `L'adresse renvoie ${d.detail ?? 'autre chose'} et non un fichier CSV. ` +
    `Vérifiez que le lien pointe directement vers le fichier .csv (et non vers la page qui le présente).`,
  EMPTY: () => `Le fichier est vide. Vérifiez qu'il a bien été enregistré avec ses données, puis publiez-le à nouveau.`,
  NO_DATA: () =>
    `Le fichier contient une ligne d'en-tête mais aucune ligne de données. Ajoutez les données sous l'en-tête.`,
  UNTERMINATED_QUOTE: (d) =>
    `Un guillemet ouvert n'est jamais refermé${where(d, true)} : le reste du fichier ne peut pas être lu. ` +
    `Refermez ce guillemet (ou doublez-le s'il fait partie du texte : "").`,
  BAD_URL: (d) =>
    `L'adresse du fichier${url(d, true)} n'est pas acceptée : seules les adresses http:// ou https:// ` +
    `(ou relatives à la page) sont autorisées.`,
  HTTP_STATUS: (d) =>
    d.status === 404
      ? `Fichier introuvable (erreur 404)${url(d, true, " à l'adresse")}. Vérifiez l'adresse du fichier.`
      : `Le serveur a répondu par une erreur ${d.status ?? ''}${url(d, true, ' pour')}. ` +
        ((d.status ?? 0) >= 500
          ? `Réessayez plus tard ou prévenez l'hébergeur du fichier.`
          : `Vérifiez l'adresse et les droits d'accès au fichier.`),
  NETWORK: (d) =>
    `Le fichier${url(d, true)} n'a pas pu être téléchargé : connexion interrompue, ou serveur qui ` +
    `refuse le partage avec ce site. S'il est sur un autre site, celui-ci doit envoyer l'en-tête ` +
    `« Access-Control-Allow-Origin » ; sinon, copiez le fichier sur votre propre site.`,
  TIMEOUT: (d) =>
    `Le téléchargement du fichier a pris trop de temps${d.limit ? ` (plus de ${duration(d.limit, true)})` : ''}. ` +
    `Réessayez plus tard, ou publiez un fichier plus léger.`,
  TRUNCATED: () =>
    `Le fichier est arrivé incomplet (la connexion a été coupée pendant le téléchargement) : rien n'est affiché ` +
    `pour ne pas montrer des chiffres partiels. Réessayez.`,
  TOO_LARGE: (d) =>
    `Le fichier dépasse la taille autorisée (${size(d.limit, true)}). Publiez un fichier agrégé plus petit, ` +
    `ou augmentez la limite.`,
  ABORTED: () => `Le chargement a été annulé.`,
  MISSING_COLUMN: (d) =>
    `La colonne « ${d.column ?? ''} » est introuvable dans le fichier.` +
    (d.available?.length ? ` Colonnes disponibles : ${list(d.available, true)}.` : '') +
    ` Corrigez le nom de colonne indiqué, ou l'en-tête du fichier.`,
  NOT_NUMERIC: (d) =>
    `La colonne « ${d.column ?? ''} » devrait contenir des nombres, mais aucune valeur n'a pu être lue comme un nombre. ` +
    (d.available?.length
      ? `Colonnes de nombres du fichier : ${list(d.available, true)}.`
      : `Vérifiez que c'est la bonne colonne (par exemple « effectif » ou « valeur »).`),
  UNEXPECTED_SHAPE: (d) => `Le tableau n'a pas la forme attendue : ${d.detail ?? ''}.`,
  BAD_OPTION: (d) => `Réglage non compris : ${d.detail ?? ''}.`,
};

/** The English messages (`localizedMessage("en")`). @internal */
export const en: Messages = {
  NOT_TEXT: (d) =>
    `This file is not a CSV text file${(d.detailEn ?? d.detail) ? ` (it looks like ${d.detailEn ?? d.detail})` : ''}. ` +
    `Save the table as "CSV" from your spreadsheet, then publish that file.`,
  NOT_CSV: (d) =>
    `The address returns ${d.detailEn ?? d.detail ?? 'something else'}, not a CSV file. Check that the link points to the .csv file itself.`,
  EMPTY: () => `The file is empty. Check that it was saved with its data, then publish it again.`,
  NO_DATA: () => `The file has a header line but no data rows. Add the data below the header.`,
  UNTERMINATED_QUOTE: (d) =>
    `A quote is opened and never closed${where(d, false)}: the rest of the file cannot be read. ` +
    `Close it (or double it if it is part of the text: "").`,
  BAD_URL: (d) =>
    `The file address${url(d, false)} is refused: only http:// or https:// (or page-relative) addresses are allowed.`,
  HTTP_STATUS: (d) =>
    d.status === 404
      ? `File not found (error 404)${url(d, false, ' at')}. Check the file address.`
      : `The server answered with error ${d.status ?? ''}${url(d, false, ' for')}. ` +
        ((d.status ?? 0) >= 500 ? `Try again later or tell the file's host.` : `Check the address and access rights.`),
  NETWORK: (d) =>
    `The file${url(d, false)} could not be downloaded: the connection failed, or the server refuses to share it ` +
    `with this site. If it is on another site, that site must send the "Access-Control-Allow-Origin" header; ` +
    `otherwise copy the file to your own site.`,
  TIMEOUT: (d) =>
    `Downloading the file took too long${d.limit ? ` (over ${duration(d.limit, false)})` : ''}. Try again later, or publish a lighter file.`,
  TRUNCATED: () =>
    `The file arrived incomplete (the connection was cut): nothing is shown rather than partial figures. Try again.`,
  TOO_LARGE: (d) =>
    `The file is larger than allowed (${size(d.limit, false)}). Publish a smaller aggregated file, or raise the limit.`,
  ABORTED: () => `Loading was cancelled.`,
  MISSING_COLUMN: (d) =>
    `Column "${d.column ?? ''}" is not in the file.` +
    (d.available?.length ? ` Available columns: ${list(d.available, false)}.` : '') +
    ` Fix the column name given, or the file's header.`,
  NOT_NUMERIC: (d) =>
    `Column "${d.column ?? ''}" should hold numbers, but none of its values reads as a number. ` +
    (d.available?.length
      ? `Numeric columns of the file: ${list(d.available, false)}.`
      : `Check that it is the right column.`),
  UNEXPECTED_SHAPE: (d) => `The table is not laid out as expected: ${d.detailEn ?? d.detail ?? ''}.`,
  BAD_OPTION: (d) => `Setting not understood: ${d.detailEn ?? d.detail ?? ''}.`,
};
