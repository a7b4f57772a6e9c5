import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';

/** A service-account key file, as Google writes it. */
export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

/** An `external_account` credentials file (workload identity federation). */
export interface ExternalAccountCredentials {
  type: 'external_account';
  audience: string;
  subject_token_type: string;
  token_url: string;
  credential_source: { file: string };
}
const TOKEN_TTL_SECONDS = 3600;
const MAX_TOKEN_LENGTH = 8192;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One service account of the double: its generated RSA key (written to a key file for clients)
 * and the tokens it accepts — self-signed JWTs signed by that key (what Google's client libraries
 * send with a service-account key and scopes) and the access tokens its token endpoint issued
 * for a JWT-bearer assertion (what `GoogleAuth.getAccessToken()` fetches).
 */
export class ServiceAccountIssuer {
  readonly key: ServiceAccountKey;
  /** The audience of its workload identity provider (external_account credentials). */
  readonly audience: string;
  /** The subject token its external_account credentials present to the token endpoint. */
  readonly subjectToken = randomBytes(32).toString('base64url');
  private readonly publicKey: KeyObject;
  private readonly issued = new Map<string, number>();

  constructor(projectId: string, tokenUri: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
    });
    this.publicKey = publicKey;
    const id = randomBytes(20).toString('hex');
    this.key = {
      type: 'service_account',
      project_id: projectId,
      private_key_id: id,
      private_key: privateKey
        .export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      client_email: `backstage-provisioner@${projectId}.iam.gserviceaccount.com`,
      client_id: String(BigInt(`0x${id.slice(0, 15)}`)),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri,
    };
    this.audience = `//iam.googleapis.com/projects/${this.key.client_id}/locations/global/workloadIdentityPools/kube-sim/providers/container-api`;
  }

  /**
   * `external_account` credentials whose token endpoint is this double: Google's libraries
   * exchange the subject token in `subjectTokenFile` for an access token there, so
   * `GoogleAuth.getAccessToken()` works without reaching Google (a service-account key always
   * asks Google's own token endpoint for that).
   */
  externalAccount(subjectTokenFile: string): ExternalAccountCredentials {
    return {
      type: 'external_account',
      audience: this.audience,
      subject_token_type: JWT_TOKEN_TYPE,
      token_url: this.key.token_uri,
      credential_source: { file: subjectTokenFile },
    };
  }

  /** The public key in PEM (to verify tokens elsewhere). */
  publicKeyPem(): string {
    return createPublicKey(this.publicKey)
      .export({ type: 'spki', format: 'pem' })
      .toString();
  }

  /**
   * Whether a JWT was signed by this account's key, names it as issuer, is in its validity window
   * and, when `audience` is given, is addressed to it; otherwise whether it carries a scope.
   */
  private verifyJwt(token: string, audience?: string): boolean {
    if (token.length > MAX_TOKEN_LENGTH) return false;
    const parts = token.split('.');
    if (parts.length !== 3) return false;
    const header = decodePart(parts[0]);
    const claims = decodePart(parts[1]);
    if (!header || !claims || header.alg !== 'RS256') return false;
    if (header.kid !== undefined && header.kid !== this.key.private_key_id)
      return false;
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      this.publicKey,
      Buffer.from(parts[2], 'base64url'),
    );
    if (!signed) return false;
    const now = Math.floor(Date.now() / 1000);
    if (claims.iss !== this.key.client_email) return false;
    if (typeof claims.exp !== 'number' || claims.exp < now) return false;
    if (typeof claims.iat === 'number' && claims.iat > now + 300) return false;
    if (audience !== undefined) return claims.aud === audience;
    const scopes = String(claims.scope ?? '').split(' ');
    return scopes.includes(CLOUD_PLATFORM) || typeof claims.aud === 'string';
  }

  /**
   * A self-signed JWT of this account with the cloud-platform scope, valid for an hour: what
   * Google's client libraries send with the key file (for scripts and tests without them).
   */
  selfSignedJwt(): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) =>
      Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({
      alg: 'RS256',
      typ: 'JWT',
      kid: this.key.private_key_id,
    })}.${part({
      iss: this.key.client_email,
      sub: this.key.client_email,
      scope: CLOUD_PLATFORM,
      iat: now,
      exp: now + TOKEN_TTL_SECONDS,
    })}`;
    const signature = sign(
      'RSA-SHA256',
      Buffer.from(unsigned),
      this.key.private_key,
    ).toString('base64url');
    return `${unsigned}.${signature}`;
  }

  /** Whether a bearer token is one this account signed or was issued. */
  accepts(token: string): boolean {
    const expires = this.issued.get(token);
    if (expires !== undefined) {
      if (expires > Date.now()) return true;
      this.issued.delete(token);
      return false;
    }
    return this.verifyJwt(token);
  }

  /**
   * The token endpoint: an access token for a JWT-bearer assertion signed by this key (OAuth 2.0
   * service-account flow) or for this account's subject token (STS token exchange).
   */
  exchange(form: URLSearchParams):
    | {
        access_token: string;
        expires_in: number;
        token_type: 'Bearer';
        issued_token_type?: string;
      }
    | undefined {
    const grant = form.get('grant_type');
    if (grant === JWT_BEARER) {
      if (!this.verifyJwt(form.get('assertion') ?? '', this.key.token_uri))
        return undefined;
      return this.issue();
    }
    if (grant === TOKEN_EXCHANGE) {
      const subject = form.get('subject_token') ?? '';
      if (
        subject.length !== this.subjectToken.length ||
        !timingSafeEqual(
          Buffer.from(subject),
          Buffer.from(this.subjectToken),
        ) ||
        form.get('audience') !== this.audience
      )
        return undefined;
      return { ...this.issue(), issued_token_type: ACCESS_TOKEN_TYPE };
    }
    return undefined;
  }

  private issue() {
    const token = `ya29.sim.${randomBytes(32).toString('base64url')}`;
    this.issued.set(token, Date.now() + TOKEN_TTL_SECONDS * 1000);
    return {
      access_token: token,
      expires_in: TOKEN_TTL_SECONDS,
      token_type: 'Bearer' as const,
    };
  }
}
