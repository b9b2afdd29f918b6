/** The texts of `<epn-skill-chart>` (the shared ones, such as "Tranche d'âge" or "Total", are in `Strings`). */
export interface SkillStrings {
  title: string;
  people: string;
  caption: (title: string, measure: 'distribution' | 'share-of-total') => string;
  /** The sentence; a `null` figure is unknown (a secret or unavailable cell), and the sentence is worded without it. */
  summary: (p: {
    total: string | null;
    level: string | null;
    levelShare: string | null;
    band: string | null;
    value: string | null;
    measure: 'distribution' | 'share-of-total';
  }) => string;
  mismatch: (bands: string) => string;
  excluded: (n: string) => string;
}

export const fr: SkillStrings = {
  title: "Niveau d'usage par tranche d'âge",
  people: 'Effectif',
  caption: (title, m) =>
    `${title} (${m === 'distribution' ? "répartition des niveaux dans chaque tranche d'âge" : 'part du total général'})`,
  summary: (p) =>
    `Niveau d'usage déclaré${p.total ? ` par ${p.total} personnes` : ''}, par tranche d'âge. ` +
    (!p.level
      ? "Aucun effectif par niveau n'est connu (secret statistique ou donnée non disponible)."
      : `Le niveau le plus fréquent est «\u00a0${p.level}\u00a0»${p.levelShare ? ` (${p.levelShare} du total)` : ''}` +
        (!p.band
          ? '.'
          : p.measure === 'distribution'
            ? `\u00a0; sa part la plus forte est dans la tranche ${p.band} (${p.value} de la tranche).`
            : `\u00a0; il pèse le plus dans la tranche ${p.band} (${p.value} du total).`)),
  mismatch: (b) =>
    `Le total donné par le fichier diffère de la somme des niveaux pour\u00a0: ${b}. Les parts sont calculées sur le total donné.`,
  excluded: (n) => `${n} ligne(s) sans niveau ou sans âge reconnu ne sont pas comptées.`,
};
