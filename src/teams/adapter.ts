import { CallerIdConstants, StatusCodes } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, JwtTokenValidation, type BotFrameworkAuthentication, type ConnectorFactory } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config/config';

export function createAdapter(config: Config): TeamsAdapter {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password ?? '',
    // botbuilder only accepts an empty app id (authentication off, local mode) as MultiTenant.
    MicrosoftAppType: config.bot.appId ? config.bot.appType : 'MultiTenant',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    ...(config.bot.openIdMetadataUrl ? publicCloudWithKeysFrom(config.bot.openIdMetadataUrl) : {}),
  });
  wrapAuthentication(adapter);
  return adapter;
}

/**
 * Microsoft's public-cloud settings with the channel's signing keys read from another address (tests use a local
 * issuer to prove that forged tokens fail). botbuilder takes all of them or none, so each is spelled out.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Two changes to how botbuilder authenticates a turn:
 * - a token with a bad signature or `alg: none` fails inside jsonwebtoken, whose errors reach botbuilder as plain
 *   errors that it answers with 500 and the error's text: they are authentication failures, answered 401;
 * - botbuilder builds a new connector client (an HTTP pipeline of a dozen policies) for every turn's replies and
 *   every proactive message, and a user token client (another pipeline) that this bot never uses; one client per
 *   service URL and audience, and one user token client per app id, serve them all (the credentials inside cache
 *   their tokens themselves).
 */
function wrapAuthentication(adapter: TeamsAdapter): void {
  // botFrameworkAuthentication is protected in CloudAdapterBase; this is the one place that reaches it.
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  // Few service URLs exist (one per Teams region); the bound keeps forged ones (authentication off) from piling up.
  const clients = new LRUCache<string, ReturnType<ConnectorFactory['create']>>({ max: 50 });
  const tokenClients = new LRUCache<string, ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>({ max: 50 });
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) => remembered(tokenClients, JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '', () => createUserTokenClient(identity));
  // Both factories sign with this bot's own credentials (one app id per process), so their clients are interchangeable.
  const sharing = (factory: ConnectorFactory): ConnectorFactory => ({
    create: (serviceUrl, audience) => remembered(clients, `${serviceUrl} ${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
  });
  // Proactive sends (the outbox) get their factory here, one per message.
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => sharing(createConnectorFactory(identity));
  auth.authenticateRequest = async (activity, authHeader) => {
    let result;
    try {
      result = await authenticate(activity, authHeader);
    } catch (err) {
      if (err instanceof Error && (err.name === 'JsonWebTokenError' || err.name === 'NotBeforeError')) {
        throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw err;
    }
    return result.connectorFactory ? { ...result, connectorFactory: sharing(result.connectorFactory) } : result;
  };
}

/** The client made once for `key`; a client whose making failed is forgotten, so the next turn tries again. */
function remembered<T>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = cache.get(key);
  if (!client) {
    client = make();
    cache.set(key, client);
    client.catch(() => cache.delete(key));
  }
  return client;
}
