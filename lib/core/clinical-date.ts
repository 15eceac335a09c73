import { z } from './schema';

export const IsoDateTime = z.iso.datetime({ offset: true });
/** A clinical date as precise as the source gives it: `2026-11-03` or a full ISO date-time. */
export const ClinicalDate = z.union([z.iso.date(), IsoDateTime]);
