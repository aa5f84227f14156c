import type { OccurrencePlace } from '../../store/recorded-run.js';

/**
 * Names sections by their heading path below the catalog's title: an awesome list puts everything
 * under one `# Awesome X` heading, which would otherwise prefix every section name.
 */
export function catalogSections(places: readonly OccurrencePlace[]): (place: OccurrencePlace) => string {
  const firsts = new Set(places.map((place) => place.section[0]));
  const [title] = firsts;
  const strip = firsts.size === 1 && title !== undefined && places.some((place) => place.section.length > 1);
  return (place) => (strip ? place.section.slice(1) : place.section).join(' > ');
}
