// Every error Invigilator reports has a code from this catalogue and a sentence a
// network manager understands. docs/errors.md documents each code (a test checks).

export const ERRORS = {
  // Configuration and start-up
  CONFIG_INVALID: 'A setting is not valid.',
  POLICY_INVALID: 'A school policy pack is not valid.',
  PORT_IN_USE: 'The collector cannot listen on the address it was given.',
  STATE_DIR_UNUSABLE: 'The state folder cannot be written.',
  STATE_DIR_NOT_OURS: 'The folder is not the agent\'s own state folder, so nothing in it was removed.',
  NOT_ENROLLED: 'This device is not enrolled: run `invigilator-agent enroll` first.',
  UNSUPPORTED_PLATFORM: 'This operating system is not supported by the agent.',
  USAGE_INVALID: 'The command line is not valid.',

  // Running a command or reading a file for a check
  COMMAND_NOT_FOUND: 'The tool this check needs is not installed on the device.',
  COMMAND_FAILED: 'The tool this check runs exited with an error.',
  COMMAND_TIMED_OUT: 'The tool this check runs did not answer in time and was stopped.',
  COMMAND_OUTPUT_TOO_LARGE: 'The tool this check runs printed more than the agent keeps.',
  COMMAND_PATH_NOT_ABSOLUTE: 'A check asked to run a tool by a relative path, which the agent refuses.',
  REMOVABLE_VOLUME_NOT_PERMITTED: 'Privacy protection on this Mac does not let the agent read removable volumes, so files copied onto sticks cannot be reported; an MDM profile must grant the agent access to removable volumes.',
  POWERSHELL_CONSTRAINED: 'PowerShell on this device runs in Constrained Language Mode (AppLocker or App Control), which blocks the agent\'s read-only queries; the check stays unknown until the school\'s AppLocker or App Control policy lets the agent\'s PowerShell run in full language mode.',
  PERMISSION_DENIED: 'The agent is not allowed to read what this check needs (is it running as an administrator/root?).',
  SOURCE_NOT_CAPTURED: 'A diagnostic bundle does not hold the output this check needs.',
  BUNDLE_INVALID: 'The diagnostic bundle is damaged or is not one this agent can read.',

  // Reading command output
  OUTPUT_EMPTY: 'The tool printed nothing where the agent expected a report.',
  OUTPUT_TRUNCATED: 'The tool\'s report stops part-way through.',
  OUTPUT_LOCALISED: 'The tool reported in a language the agent cannot read; the agent reads the English or language-neutral form.',
  OUTPUT_UNRECOGNISED: 'The tool\'s report is not in a form the agent recognises (a newer or older version of the tool?).',
  OUTPUT_MALFORMED: 'The tool\'s report is damaged or not in the expected format.',
  CHECK_CRASHED: 'The check stopped on an internal error; the raw output is in the diagnostic bundle.',
  NO_PRODUCT_FOUND: 'No product of this kind was found on the device.',
  NO_DESKTOP: 'This device has no desktop (a server, or a computer without a graphical sign-in), so it has no screen to lock.',
  DESKTOP_NOT_READ: 'The device\'s desktop is not one whose screen-lock settings the agent reads (it reads GNOME and KDE on Linux).',
  FILTER_SETTINGS_UNREADABLE: 'A browser\'s or the system\'s proxy or DNS-over-HTTPS settings could not be read, so a change to them there is not seen until they can be.',
  CHECK_UNKNOWN: 'A device reported a check this collector does not know (is the agent newer than the collector?).',

  // Outbox and transport
  OUTBOX_FULL: 'The agent\'s outbox reached its size limit; routine observations are being discarded to keep misuse events.',
  DISK_FULL: 'The device\'s disk is full: the agent cannot store new events until space is freed.',
  OUTBOX_WRITE_FAILED: 'The agent cannot write to its outbox file; new events are held in memory and written when it works again.',
  OUTBOX_DAMAGED: 'The agent\'s outbox file is damaged and cannot be read.',
  OUTBOX_RESET: 'The device\'s outbox had been reset (deleted or replaced); its unsent events were renumbered to follow those the collector already holds.',
  EVENT_TOO_LARGE: 'An event was too large to send and was discarded on the device; it is counted in the agent\'s status.',
  COLLECTOR_UNREACHABLE: 'The collector cannot be reached; events are kept on the device and sent when it is back.',
  ENROLMENT_FAILED: 'The device could not enrol: the collector could not be reached or did not answer. Nothing was saved; run enroll again.',
  TLS_CA_UNREADABLE: 'The CA certificate file given for the collector cannot be read.',
  TLS_FINGERPRINT_MISMATCH: 'The collector presented a certificate other than the one this device pinned at enrolment; nothing was sent to it.',

  // Wire protocol
  FRAME_TOO_LARGE: 'A message was larger than the limit and the connection was closed.',
  FRAME_UNDECODABLE: 'A message could not be decoded and the connection was closed.',
  FRAME_UNEXPECTED: 'A message arrived that is not allowed at this point of the conversation.',
  AUTH_REQUIRED: 'The device must identify itself before sending events.',
  AUTH_FAILED: 'The device credential is wrong or unknown.',
  AUTH_REVOKED: 'This device\'s credential has been revoked by an administrator.',
  ENROLMENT_SECRET_INVALID: 'The enrolment secret is wrong or has been withdrawn.',
  SEQUENCE_INVALID: 'The device sent events out of order.',
  BATCH_TOO_LARGE: 'A device sent more events in one message than the collector accepts, so the connection was closed and nothing of that message was stored.',
  FIELD_TOO_LARGE: 'A device sent a field longer than the collector accepts (a name, a description, a list), so the connection was closed and nothing of that message was stored.',
  SEQUENCE_OUT_OF_RANGE: 'A device sent an event number larger than any agent can reach, so the connection was closed and nothing of that message was stored.',
  SEQUENCE_SERIES_RESTARTED: 'The collector held more events from a device than its agent can account for; the agent was told to start a new series so nothing it sends is taken for a duplicate.',
  SEQUENCE_SERIES_CHANGED: 'Another connection of the same device started a new series of events; this connection was closed without acknowledging, so its agent says Hello again.',
  CONNECTION_LIMIT_REACHED: 'Too many connections that have not yet identified themselves; the new one was refused.',
  ENROLMENT_LIMIT_REACHED: 'The school has reached its limit of device enrolments (per hour or in total); the device was not enrolled.',
  EVENT_TIME_INVALID: 'A device reported an event time that cannot be right (its clock may be wrong); the time the collector received it is used instead.',

  // Google Admin connector (Chromebooks)
  CHROMEOS_NOT_CONNECTED: 'This school has no Google Admin connection: run `invigilator-collector chromeos connect` first.',
  CHROMEOS_SERVICE_ACCOUNT_INVALID: 'The Google service-account key file cannot be read or is not a service-account key (JSON with client_email and private_key).',
  CHROMEOS_ACCESS_REFUSED: 'Google refused the connector\'s service account (key deleted or revoked, account disabled, or domain-wide delegation withdrawn in Google Admin): Chromebooks are not being read until it is fixed.',
  CHROMEOS_POLICY_NOT_READ: 'This Chromebook check rests on a Google Admin policy the connector could not read (a read-only scope not granted, or the Chromebook\'s organisational unit not given), so it stays unknown.',
  CHROMEOS_BOOT_MODE_UNREPORTED: 'Google Admin has not reported this Chromebook\'s boot mode yet (it has not synced since enrolment).',
  CHROMEOS_API_FAILED: 'Google Admin did not answer as expected (network, quota or a server error); the connector tries again at its next sync.',

  // Collector API
  API_TOKEN_MISSING: 'The request has no API token.',
  API_TOKEN_INVALID: 'The API token is wrong or has been revoked.',
  API_FORBIDDEN: 'Your role may not see or change this.',
  NOT_FOUND: 'No such item, or not one your role may see.',
  BAD_REQUEST: 'The request is not valid.',
  SCHOOL_EXISTS: 'A school with this id already exists.',
  SCHOOL_UNKNOWN: 'No school has this id.',
  ROLE_UNKNOWN: 'No such role.',
  TERM_INVALID: 'A term\'s name or dates are not valid.',
  TERM_UNKNOWN: 'No term of this name is in the school\'s calendar.',
  EXCEPTION_RULE_UNKNOWN: 'No inbound firewall rule with this key has been seen on the school\'s devices.',
  REPORT_FORMAT_UNKNOWN: 'Reports are made as pdf, html or csv (and json through the API).',
  PERSON_EXISTS: 'A person with this email address already exists.',
  PERSON_UNKNOWN: 'No person has this email address.',
  TOKEN_UNKNOWN: 'No API token has this id.',
  TOKEN_RIGHTS_EXCEEDED: 'A person\'s token cannot carry a role or school the person does not have.',
  DEVICE_UNKNOWN: 'No device has this id.',
  PASSWORD_INVALID: 'The password cannot be used (too short, too long, or not given).',
  SESSION_INVALID: 'Your sign-in has ended (it expired, you signed out, or your account was disabled): sign in again.',
  CSRF_REJECTED: 'The request did not come from the collector\'s own page, so it was refused: reload the page and try again.',
  SIGN_IN_FAILED: 'The email address or password is wrong, or this account may not sign in here.',
  SIGN_IN_LOCKED: 'Too many failed sign-ins: signing in is paused for a while. Try again later or ask the administrator.',
  SIGN_IN_REFUSED: 'Your school account is not one allowed to use this collector (its domain is not allowed, its email is not verified, or no enabled person has it).',
  SIGN_IN_NOT_CONFIGURED: 'Sign-in with a school account is not set up on this collector.',
  OIDC_FAILED: 'Sign-in with the school account did not complete: the sign-in service refused it or could not be reached.',
  STORE_FAILED: 'The collector could not write to its database.',
  DATABASE_URL_INVALID: 'The --database address is not a PostgreSQL URL of the form postgres://user@host:5432/database.',
  DATABASE_UNREACHABLE: 'The PostgreSQL server cannot be reached at the --database address (is it running, and is the host and port right?).',
  DATABASE_AUTH_FAILED: 'The PostgreSQL server refused the user name or password of the --database address.',
  DATABASE_NOT_FOUND: 'The database named in the --database address does not exist on the PostgreSQL server: create it first.',
  ALERT_STATE_CONFLICT: 'The alert is not in a state that allows this (already resolved, or changed meanwhile).',
  ROUTE_NOT_ALLOWED: 'That role may not receive alerts of that kind, so the route was refused.',
  CHANNEL_UNKNOWN: 'No notification channel has this id.',
  DELIVERY_FAILED: 'The mail relay, webhook or syslog receiver did not take a notification (queued ones are tried again with growing pauses).',
  INTERNAL: 'Invigilator hit an internal error; the details are in its log.',
  UNHANDLED_REJECTION: 'A piece of the agent failed without handling its error; the agent logged it and kept running.',
  AGENT_CRASHED: 'The agent stopped on an error it could not recover from; its service manager starts it again.',
  NODE_VERSION_UNSUPPORTED: 'This program needs Node.js 24 or newer.',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class InvigilatorError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERRORS[code]} ${detail}` : ERRORS[code], options);
    this.name = 'InvigilatorError';
    this.code = code;
    this.detail = detail;
  }
}

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERRORS, value);

/** The code of any thrown value: ours, or INTERNAL for everything else. */
export const codeOf = (error: unknown): ErrorCode =>
  error instanceof InvigilatorError ? error.code : 'INTERNAL';
