import { ErrorCode } from '@eligo/shared/errors';
import { AppError } from '../../lib/app-error.ts';

/** 409: the action does not fit the applicant's state (the message says what to do instead). */
export function actionUnavailable(message: string): AppError {
  return new AppError(ErrorCode.ApplicantActionUnavailable, message);
}
