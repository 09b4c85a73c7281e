// Choosing a new password (twice), with the rules shown as a hint.
import type { FieldMetadata } from '@conform-to/react';
import { z } from 'zod';
import { TextField } from './ui/fields.tsx';

const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 128;

const newPasswordShape = {
  newPassword: z
    .string({ required_error: 'Enter a new password' })
    .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
    .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
  confirmPassword: z.string({ required_error: 'Enter the new password again' }),
};

/** A form schema with a new password typed twice, plus any other fields the form has. */
export function withNewPassword<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, ...newPasswordShape })
    .refine((value) => value.newPassword === value.confirmPassword, {
      message: 'The two passwords do not match',
      path: ['confirmPassword'],
    });
}

export const newPasswordSchema = withNewPassword({});

export function NewPasswordFields({ fields }: { fields: { newPassword: FieldMetadata<unknown>; confirmPassword: FieldMetadata<unknown> } }) {
  return (
    <>
      <TextField
        field={fields.newPassword}
        label="New password"
        type="password"
        autoComplete="new-password"
        width="two-thirds"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Three random words make a good password.`}
      />
      <TextField field={fields.confirmPassword} label="Confirm new password" type="password" autoComplete="new-password" width="two-thirds" />
    </>
  );
}
