import { CustomErrorBase } from '@backstage/errors';

/** An upload larger than `aiConformance.uploads.maxBytes` (HTTP 413). */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}
