/** The texts of `<epn-equipment-chart>` (the shared ones, such as "Tranche d'âge" or "Total", are in `Strings`). */
export interface EquipmentStrings {
  title: string;
  respondents: string;
  respondentsShare: string;
  caption: (title: string, measure: 'rate' | 'distribution') => string;
  /** The sentences; a `null` figure is unknown (a secret or unavailable cell), and the sentence is worded without it. */
  summaryRate: (p: {
    respondents: string | null;
    top: {item: string; band: string; value: string; count: string | null; bandRespondents: string | null} | null;
  }) => string;
  summaryDistribution: (p: {
    top: {item: string; band: string; value: string; itemTotal: string | null} | null;
  }) => string;
  multiResponse: (respondents: string) => string;
  noRespondents: string;
  excluded: (n: string) => string;
}

export const fr: EquipmentStrings = {
  title: "Équipement par tranche d'âge",
  respondents: 'Répondants',
  respondentsShare: 'Répartition des répondants',
  caption: (title, m) =>
    `${title} (${m === 'rate' ? "part des répondants de chaque tranche d'âge qui disposent de l'équipement" : "répartition par tranche d'âge des personnes équipées"})`,
  summaryRate: ({respondents, top}) =>
    `Part des ${respondents ? `${respondents} ` : ''}répondants qui disposent de chaque équipement, par tranche d'âge. ` +
    (top
      ? `Taux le plus élevé\u00a0: «\u00a0${top.item}\u00a0» dans la tranche ${top.band}, ${top.value}` +
        (top.count && top.bandRespondents ? ` (${top.count} sur ${top.bandRespondents} répondants).` : '.')
      : "Aucun taux n'est connu (secret statistique ou donnée non disponible)."),
  summaryDistribution: ({top}) =>
    `Répartition par tranche d'âge des personnes qui disposent de chaque équipement. ` +
    (top
      ? `Part la plus élevée\u00a0: «\u00a0${top.item}\u00a0» dans la tranche ${top.band}, ${top.value} des ${top.itemTotal ? `${top.itemTotal} ` : ''}personnes équipées.`
      : "Aucune part n'est connue (secret statistique ou donnée non disponible)."),
  multiResponse: (n) =>
    `Plusieurs réponses possibles\u00a0: le total de chaque tranche compte les personnes qui ont répondu (${n} en tout), pas les réponses.`,
  noRespondents:
    'Le fichier ne donne pas le nombre de répondants par tranche (ligne «\u00a0Total\u00a0»)\u00a0: les taux sont calculés sur la somme des réponses.',
  excluded: (n) => `${n} ligne(s) sans équipement ou sans âge reconnu ne sont pas comptées.`,
};
