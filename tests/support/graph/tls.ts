import { generate } from 'selfsigned';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * A certificate for the Microsoft 365 doubles, made when the tests run (nothing secret is kept in
 * the repository). The doubles listen on https://localhost, as Graph's SDK sends tokens only to
 * https hosts, and the adapters reach them through a fetch that trusts this one certificate.
 */
export interface TestTls {
  key: string;
  cert: string;
  /** A fetch that trusts the doubles' certificate and nothing else extra. */
  fetch: typeof fetch;
}

let made: Promise<TestTls> | null = null;

export function testTls(): Promise<TestTls> {
  made ??= (async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      notAfterDate: new Date(Date.now() + 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert, fetch: trustingFetch(pems.cert) };
  })();
  return made;
}

/** A fetch that trusts `caPem`; what a child process builds from the certificate file it is given. */
export function trustingFetch(caPem: string): typeof fetch {
  const dispatcher = new Agent({ connect: { ca: caPem }, keepAliveTimeout: 1000 });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}
