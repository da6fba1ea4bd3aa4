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
  SCHOOL_EXISTS: 409,
  POLICY_INVALID: 400,
  PERSON_EXISTS: 409,
  PERSON_UNKNOWN: 404,
  ROLE_UNKNOWN: 400,
};

export const statusOf = (error: InvigilatorError): number => HTTP_STATUS[error.code] ?? 500;

export const errorBody = (error: InvigilatorError) => ({
  error: { code: error.code, message: statusOf(error) >= 500 ? ERRORS[error.code] : error.message },
});

export const sendError = (reply: FastifyReply, error: InvigilatorError): FastifyReply =>
  reply.code(statusOf(error)).send(errorBody(error));

/** What is wrong with a request Fastify refused, in words that quote nothing of the request itself. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '(send JSON, or no body)',
  FST_ERR_CTP_EMPTY_JSON_BODY: '(the JSON body is empty)',
  FST_ERR_CTP_INVALID_JSON_BODY: '(the body is not valid JSON)',
  FST_ERR_CTP_BODY_TOO_LARGE: '(the body is too large)',
  FST_ERR_BAD_URL: '(the address does not decode)',
  FST_ERR_ASYNC_CONSTRAINT: '(the request cannot be routed)',
};

const requestError = (error: FastifyError): InvigilatorError =>
  new InvigilatorError('BAD_REQUEST', error.validation
    // Ajv's own words name the field and the rule ("querystring/limit must be <= 500"), never the value sent.
    ? `(${error.validationContext ?? 'request'}${error.validation.map((issue) => ` ${issue.instancePath} ${issue.message ?? ''}`.trimEnd()).join(';')})`
    : FRAMEWORK_DETAILS[error.code] ?? '(the request cannot be read)');

/** Fastify's early refusals (before any route runs) in the documented shape. */
export const frameworkError = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendError(reply, requestError(error));

/**
 * An API route that declares no query parameters takes none: an unknown one is refused, not carried into the audit
 * log. Sign-in pages are left alone: identity providers add parameters of their own to the callback.
 */
export const refuseUndeclaredQuery = async (request: FastifyRequest): Promise<void> => {
  if (!request.url.startsWith('/api/') || request.routeOptions.schema?.querystring) return;
  if (request.url.includes('?')) throw new InvigilatorError('BAD_REQUEST', '(this address takes no query parameters)');
};

/** Fastify's own errors (validation, bad JSON) become BAD_REQUEST; anything unknown is logged as INTERNAL. */
export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error instanceof InvigilatorError) {
    if (statusOf(error) >= 500) request.log.error({ code: error.code, err: error }, 'API request failed.');
    return sendError(reply, error);
  }
  if (error.validation || (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)) {
    return sendError(reply, requestError(error));
  }
  request.log.error({ code: 'INTERNAL', err: error }, 'API request failed.');
  return sendError(reply, new InvigilatorError('INTERNAL'));
};
