// Every API error is JSON {error: {code, message}} with the catalogue sentence. A 4xx adds its detail
// (which field was bad); a 5xx says only the sentence: its detail (engine text, paths) stays in the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, InvigilatorError, type ErrorCode } from '@invigilator/shared/errors.ts';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  API_TOKEN_MISSING: 401,
  API_TOKEN_INVALID: 401,
  API_FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  ALERT_STATE_CONFLICT: 409,
  ROUTE_NOT_ALLOWED: 400,
  CHANNEL_UNKNOWN: 404,
  DELIVERY_FAILED: 502,
  CONFIG_INVALID: 400,
  TERM_INVALID: 400,
  REPORT_FORMAT_UNKNOWN: 400,
  TERM_UNKNOWN: 404,
  EXCEPTION_RULE_UNKNOWN: 404,
  STORE_FAILED: 503,
  SESSION_INVALID: 401,
  CSRF_REJECTED: 403,
  SIGN_IN_FAILED: 401,
  SIGN_IN_LOCKED: 429,
  SIGN_IN_REFUSED: 403,
  SIGN_IN_NOT_CONFIGURED: 404,
  OIDC_FAILED: 502,
  DEVICE_UNKNOWN: 404,
  TOKEN_UNKNOWN: 404,
  SCHOOL_UNKNOWN: 404,
};

export const statusOf = (error: InvigilatorError): number => HTTP_STATUS[error.code] ?? 500;

export const errorBody = (error: InvigilatorError) => ({
  error: { code: error.code, message: statusOf(error) >= 500 ? ERRORS[error.code] : error.message },
});

export const sendError = (reply: FastifyReply, error: InvigilatorError): FastifyReply =>
  reply.code(statusOf(error)).send(errorBody(error));

/** Fastify's own errors (validation, bad JSON) become BAD_REQUEST; anything unknown is logged as INTERNAL. */
export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error instanceof InvigilatorError) {
    if (statusOf(error) >= 500) request.log.error({ code: error.code, err: error }, 'API request failed.');
    return sendError(reply, error);
  }
  if (error.validation || (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)) {
    return sendError(reply, new InvigilatorError('BAD_REQUEST', error.message));
  }
  request.log.error({ code: 'INTERNAL', err: error }, 'API request failed.');
  return sendError(reply, new InvigilatorError('INTERNAL'));
};
