/** French. */
import type { PartialMessages } from '../messages.js';

const fr: PartialMessages = {
  timeline: 'Frise chronologique',
  roleTimeline: 'frise chronologique',
  events: { one: '{count} événement', many: '{count} d’événements', other: '{count} événements' },
  chartName: '{name} : {events}, affichage {range}',
  chartNameNoRange: '{name} : {events}',
  zoomGroup: 'Zoom',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  showAll: 'Afficher tous les événements',
  showAllShort: 'Tous',
  loading: 'Chargement…',
  noEvents: 'Aucun événement à afficher',
  loadingView: 'Chargement des événements affichés',
  today: 'Aujourd’hui',
  laneFallback: 'Événements',
  denseRegion: '{events}, {range} : zoomez pour les afficher',
  problems: {
    one: '{count} problème dans les données',
    many: '{count} de problèmes dans les données',
    other: '{count} problèmes dans les données',
  },
  notShown: {
    one: '{count} élément n’est pas affiché.',
    many: '{count} d’éléments ne sont pas affichés.',
    other: '{count} éléments ne sont pas affichés.',
  },
  allShown: 'tout est affiché.',
  moreProblems: '…et {count} de plus (voir la propriété problems).',
  dismiss: 'Fermer',
  details: 'Détails : {title}',
  closeDetails: 'Fermer les détails',
  lane: 'Piste',
  where: 'Lieu',
  people: 'Personnes',
  tags: 'Mots-clés',
  link: 'Lien',
  sources: 'Sources',
  eraName: 'Période : {title}, {dates}',
  markerName: 'Repère : {label}',
  status: {
    confirmed: 'confirmé',
    approximate: 'approximatif',
    uncertain: 'incertain',
    planned: 'prévu',
    cancelled: 'annulé',
  },
  dates: {
    parts: { early: 'début {date}', mid: 'mi-{date}', late: 'fin {date}' },
    seasons: { spring: 'printemps {year}', summer: 'été {year}', autumn: 'automne {year}', winter: 'hiver {year}' },
    quarter: 'T{q} {year}',
    quarterShort: 'T{q}',
    approximate: 'vers {date}',
    // French sets a narrow no-break space before "?".
    uncertain: '{date}\u202f?',
  },
};

export default fr;
