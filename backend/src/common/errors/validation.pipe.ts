import { ValidationPipe } from '@nestjs/common';
import { DomainException } from './domain.exception.js';
import { flattenValidationErrors } from './validation-messages.js';

/** Unknown fields are refused, known ones converted to their declared types, failures reported per field in Chinese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) =>
      new DomainException('VALIDATION_FAILED', undefined, flattenValidationErrors(errors)),
  });
}
