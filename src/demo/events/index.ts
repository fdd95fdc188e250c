import type { EventDocumentInput } from '../../domain/events/document';
import { build as dagVanDeBuurt } from './dag-van-de-buurt';
import { build as haagseWijkaanpak } from './haagse-wijkaanpak';
import { build as leergangWijkaanpak } from './leergang-wijkaanpak';
import { build as werkplaatsWijkontwikkeling } from './werkplaats-wijkontwikkeling';

/**
 * The demo agenda, modelled on the five source documents (seed 001 is the report of
 * seed 000, so four events). Dates are moved to lie just ahead of `now`.
 */
export function demoEvents(now: Date): EventDocumentInput[] {
  return [haagseWijkaanpak(now), dagVanDeBuurt(now), werkplaatsWijkontwikkeling(now), leergangWijkaanpak(now)];
}
