import type { LoggerOptions } from 'pino';
import type { Config } from './plugins/config.ts';

/**
 * Paths pino removes from every log line. Fastify logs only request metadata by default, so these
 * cover headers plus any object we log on purpose (never log request bodies of PII routes).
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.ssn',
  '*.dob',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.signatureToken',
  '*.clientSecret',
  '*.token',
  '*.encryptionKey',
  '*.previousEncryptionKey',
  '*.mongodbUri',
];

/** Survey and password-reset links carry a secret token in the path: keep it out of the logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/(?:survey|reset-password)\/)[^/?#]+/g, '$1[token]')
    .replace(/([?&](?:token|code|state)=)[^&#]*/g, '$1[redacted]');
}

export function loggerOptions(config: Pick<Config, 'logLevel' | 'env'>): LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; host?: string; ip?: string }) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
        };
      },
    },
    ...(config.env === 'development' && process.stdout.isTTY
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}
