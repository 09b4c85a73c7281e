// The inspection pack form's schema, shared by the browser and the server: which team or location, and the period
// (the report's, as two GOV.UK date inputs; an end before the start is answered beside the end date).
import { z } from 'zod';
import { reportPeriodFields, periodInOrder } from '#app/domain/development/forms.ts';
import { ScopeField } from './portfolio-batch-schema.ts';

export const InspectionPackSchema = z.object({ scope: ScopeField, ...reportPeriodFields }).superRefine(periodInOrder);

export type InspectionPackRequest = z.infer<typeof InspectionPackSchema>;
