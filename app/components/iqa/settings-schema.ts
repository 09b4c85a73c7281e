// The IQA sampling rules form: one schema for the browser and the server.
import { z } from 'zod';

const whole = (label: string, max: number) =>
  z.coerce
    .number({ required_error: `Enter ${label}`, invalid_type_error: `${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number` })
    .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} must be 0 or more`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} or fewer`);

export const IqaSettingsSchema = z.object({
  samplePercent: whole('the percentage of decisions to sample', 100),
  minimumPerAssessorMonth: whole('the minimum per assessor per month', 50),
  leadIqaId: z.coerce.number().int().positive().optional(),
});
