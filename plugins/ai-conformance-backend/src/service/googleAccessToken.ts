/**
 * An access token from Google Application Default Credentials (the
 * backend's own Google identity), for clusters and metrics sources that
 * config says to reach with it.
 */
export async function googleAccessToken(): Promise<string> {
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  const token = await auth.getAccessToken();
  if (!token) {
    throw new Error('Application Default Credentials returned no access token');
  }
  return token;
}
