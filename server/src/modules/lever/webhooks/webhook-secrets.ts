import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import type { LeverWebhookEvent } from '@eligo/shared/schemas/lever-tile';
import type { LeverIntegrationDocument } from '../integration.model.ts';
import { LeverApiError, LeverDisconnectedError } from '../client/lever.errors.ts';
import {
  leverWebhookSecretModel,
  signatureTokenPlace,
  type LeverWebhookSecret,
} from './webhook-secret.model.ts';
import { webhookUrl } from './webhook-url.ts';
import { forgetWebhook } from './webhook-cache.ts';

type Integration = Pick<LeverIntegrationDocument, '_id' | 'organizationId' | 'publicId'>;

/**
 * Candidate origins, all of them (lever-api.md §5.1): the documented way to ask for every
 * application, rather than leaving `conditions` out, which Lever does not document.
 */
export const ALL_ORIGINS = ['applied', 'sourced', 'referred', 'university', 'agency', 'internal'];

/** The integration's webhooks (of one event, or all), oldest first. */
export function webhookSecrets(
  app: FastifyInstance,
  integration: Integration,
  event?: LeverWebhookEvent,
) {
  return leverWebhookSecretModel(app.mongo).find(
    {
      organizationId: integration.organizationId,
      integrationId: integration._id,
      ...(event ? { event } : {}),
    },
    null,
    { sort: { createdAt: 1 } },
  );
}

/** A webhook as the receiver checks a delivery against it: its token in clear. */
export interface VerifyingWebhook {
  event: LeverWebhookEvent;
  hookKey: string | null;
  signatureToken: string;
}

/** Every webhook of the integration with its signature token in clear (to verify a delivery). */
export async function verifyingWebhooks(
  app: FastifyInstance,
  integration: Integration,
): Promise<VerifyingWebhook[]> {
  const secrets = await webhookSecrets(app, integration);
  return Promise.all(
    secrets.map(async (s) => ({
      event: s.event,
      hookKey: s.hookKey,
      signatureToken: await app.crypto.decrypt(
        integration.organizationId,
        signatureTokenPlace(s._id),
        s.signatureToken,
      ),
    })),
  );
}

async function insertSecret(
  app: FastifyInstance,
  integration: Integration,
  fields: Pick<LeverWebhookSecret, 'mode' | 'leverWebhookId' | 'event' | 'hookKey'> & {
    signatureToken: string;
  },
): Promise<void> {
  const _id = new Types.ObjectId();
  await leverWebhookSecretModel(app.mongo).create({
    _id,
    organizationId: integration.organizationId,
    integrationId: integration._id,
    mode: fields.mode,
    event: fields.event,
    hookKey: fields.hookKey,
    leverWebhookId: fields.leverWebhookId,
    signatureToken: await app.crypto.encrypt(
      integration.organizationId,
      signatureTokenPlace(_id),
      fields.signatureToken,
    ),
    createdAt: new Date(),
  });
  forgetWebhook(app, integration);
}

/**
 * Creates our webhook for `event` in Lever, at a URL of its own (a fresh `hookKey`: never the URL
 * of a webhook it replaces, so Lever cannot refuse it as a duplicate), for every candidate origin,
 * and stores its signature token.
 */
export async function createApiWebhook(
  app: FastifyInstance,
  integration: Integration,
  event: LeverWebhookEvent,
): Promise<void> {
  const lever = app.lever.client(integration._id);
  // 96 random bits: the URL is not a secret (the signature is the proof), only never reused.
  const hookKey = randomBytes(12).toString('base64url');
  const created = await lever.createWebhook({
    url: webhookUrl(app, integration, hookKey),
    event,
    origins: ALL_ORIGINS,
  });
  try {
    await insertSecret(app, integration, {
      mode: 'api',
      event,
      hookKey,
      leverWebhookId: created.id,
      signatureToken: created.signatureToken,
    });
  } catch (error) {
    // Not stored: a webhook in Lever whose token we lost is useless; remove it.
    await lever.deleteWebhook(created.id).catch(() => undefined);
    throw error;
  }
}

/** Stores the token of a webhook the admin created in Lever by hand (at the integration's URL). */
export function addManualWebhook(
  app: FastifyInstance,
  integration: Integration,
  event: LeverWebhookEvent,
  signatureToken: string,
): Promise<void> {
  return insertSecret(app, integration, {
    mode: 'manual',
    event,
    hookKey: null,
    leverWebhookId: null,
    signatureToken,
  });
}

/**
 * Deletes `secrets` (from Lever when we created them, then here: their tokens stop verifying at
 * once). Lever's 401/403/404 mean it is gone or not ours to delete: fine. A Disconnected
 * integration cannot call Lever: the rows go, the webhook stays in Lever (the admin is told).
 * Other failures (429/5xx/network) are thrown, leaving the rows so the action can be retried —
 * unless `bestEffort`, when a replacement is already in place: then the row goes anyway (the old
 * token must stop verifying) and the leftover webhook in Lever is logged.
 */
export async function removeWebhooks(
  app: FastifyInstance,
  integration: Integration,
  secrets: LeverWebhookSecret[],
  options: { bestEffort?: boolean } = {},
): Promise<void> {
  const lever = app.lever.client(integration._id);
  for (const secret of secrets) {
    if (secret.mode === 'api' && secret.leverWebhookId) {
      try {
        await lever.deleteWebhook(secret.leverWebhookId);
      } catch (error) {
        const tolerated =
          error instanceof LeverDisconnectedError ||
          (error instanceof LeverApiError && [401, 403, 404].includes(error.status ?? 0));
        if (!tolerated && !options.bestEffort) throw error;
        if (!tolerated) {
          app.log.warn(
            { err: error, integrationId: integration._id, leverWebhookId: secret.leverWebhookId },
            'Could not delete the replaced webhook in Lever; its deliveries will be refused',
          );
        }
      }
    }
    await leverWebhookSecretModel(app.mongo).deleteOne({
      _id: secret._id,
      organizationId: integration.organizationId,
    });
    forgetWebhook(app, integration);
  }
}
