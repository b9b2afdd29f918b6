import {EpnDataError, type EpnErrorCode} from '@epn/stats';

/**
 * A bug of the widgets (an exception that is not an EpnDataError: neither the file nor a setting is at fault) as the
 * error a widget shows: code `INTERNAL`, a message that says so in French (in English for `lang="en"`) and names the
 * exception, and the exception itself in the browser's console, where a developer can read its stack.
 */
export function internalError(cause: unknown): EpnDataError {
  console.error('EPN widgets: internal error', cause);
  const raw = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const what = raw.length > 120 ? `${raw.slice(0, 119)}…` : raw;
  const fr = `Erreur interne du widget (ni le fichier ni un réglage n'est en cause) : ${what}. Le détail est dans la console du navigateur ; merci de le signaler aux auteurs des widgets EPN.`;
  const en = `Internal error of the widget (neither the file nor a setting is at fault): ${what}. The details are in the browser's console; please report it to the EPN widgets' authors.`;
  const error = new EpnDataError('UNEXPECTED_SHAPE', {cause, detail: what});
  Object.defineProperties(error, {
    code: {value: 'INTERNAL' as EpnErrorCode},
    message: {value: fr},
    localizedMessage: {value: (lang?: string) => (lang && /^en\b/i.test(lang) ? en : fr)},
  });
  return error;
}
