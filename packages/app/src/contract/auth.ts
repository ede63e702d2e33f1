import { z } from 'zod';

export const signInBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export const signInResponse = z.object({
  status: z.enum(['signed_in', 'two_factor_required']),
});

export const twoFactorVerifyBody = z.strictObject({
  code: z
    .string()
    .trim()
    .min(6)
    .max(32)
    .describe('A 6-digit code from the authenticator app, or a recovery code'),
  method: z.enum(['totp', 'recovery_code']).default('totp'),
});

export const twoFactorEnrolBody = z.strictObject({ password: z.string().min(1).max(200) });
export const twoFactorEnrolResponse = z.object({
  totpUri: z.string(),
  secret: z.string().describe('The base32 secret, for typing into an app that cannot scan a QR code'),
  recoveryCodes: z.array(z.string()),
});
export const twoFactorConfirmBody = z.strictObject({ code: z.string().trim().min(6).max(8) });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
