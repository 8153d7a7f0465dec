import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/**
 * A stand-in for the Bot Framework's token issuer: publishes an OpenID configuration and its signing key (endorsed
 * for msteams, as Microsoft's are), and signs tokens, so a test can send the bot genuine and forged tokens alike.
 */
export class TokenIssuer {
  static readonly ISSUER = 'https://api.botframework.com';
  readonly kid = 'test-signing-key';
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const body =
        req.url === '/openid'
          ? { issuer: TokenIssuer.ISSUER, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', endorsements: ['msteams'] }] };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  get metadataUrl(): string {
    return `${this.url}/openid`;
  }

  /** A channel token as Teams sends it; each option forges one part of it. */
  token(claims: Record<string, unknown>, opts: { alg?: 'RS256' | 'none'; key?: KeyObject } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: opts.alg ?? 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: TokenIssuer.ISSUER, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
    const unsigned = `${b64url(header)}.${b64url(payload)}`;
    if (header.alg === 'none') return `${unsigned}.`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), opts.key ?? this.keys.privateKey).toString('base64url')}`;
  }

  /** A key the issuer never published. */
  static otherKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
}
