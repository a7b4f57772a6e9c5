import type { KubeObject } from '../types';
import { StatusError } from './StatusError';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, Array<Buffer | number>>;

function readVarint(buf: Buffer, start: number): [number, number] {
  let pos = start;
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [result, pos];
    shift += 7;
  }
}

function readFields(buf: Buffer): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [key, next] = readVarint(buf, pos);
    pos = next;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value: Buffer | number;
    if (wire === 0) {
      [value, pos] = readVarint(buf, pos);
    } else if (wire === 2) {
      const [len, start] = readVarint(buf, pos);
      value = buf.subarray(start, start + len);
      pos = start + len;
    } else if (wire === 1) {
      value = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (wire === 5) {
      value = buf.subarray(pos, pos + 4);
      pos += 4;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

function str(fields: Fields, n: number): string | undefined {
  const v = fields.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
}

function sub(fields: Fields, n: number): Fields | undefined {
  const v = fields.get(n)?.[0];
  return Buffer.isBuffer(v) ? readFields(v) : undefined;
}

/**
 * Reads the protobuf body kubectl sends for SelfSubjectAccessReview, SelfSubjectRulesReview and
 * SelfSubjectReview (`application/vnd.kubernetes.protobuf`: the `k8s\0` envelope around a
 * runtime.Unknown). Only the fields those reviews carry are decoded.
 */
export function decodeProtobufReview(body: Buffer): KubeObject {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw new StatusError(
      415,
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
      'UnsupportedMediaType',
    );
  }
  try {
    const unknown = readFields(body.subarray(4));
    const typeMeta = sub(unknown, 1);
    const raw = unknown.get(2)?.[0];
    const object = Buffer.isBuffer(raw) ? readFields(raw) : new Map();
    const spec = sub(object, 2);
    const kind = typeMeta ? str(typeMeta, 2) : undefined;
    const out: KubeObject = {
      apiVersion: typeMeta ? str(typeMeta, 1) : undefined,
      kind,
      metadata: { name: '' },
      spec: {},
    };
    if (!spec) return out;
    if (kind === 'SelfSubjectRulesReview') {
      out.spec = { namespace: str(spec, 1) ?? '' };
      return out;
    }
    const ra = sub(spec, 1);
    const nra = sub(spec, 2);
    if (ra) {
      out.spec = {
        resourceAttributes: {
          namespace: str(ra, 1) ?? '',
          verb: str(ra, 2) ?? '',
          group: str(ra, 3) ?? '',
          version: str(ra, 4) ?? '',
          resource: str(ra, 5) ?? '',
          subresource: str(ra, 6) ?? '',
          name: str(ra, 7) ?? '',
        },
      };
    } else if (nra) {
      out.spec = {
        nonResourceAttributes: {
          path: str(nra, 1) ?? '',
          verb: str(nra, 2) ?? '',
        },
      };
    }
    return out;
  } catch (e) {
    throw new StatusError(
      400,
      `the object provided is unrecognized: ${(e as Error).message}`,
      'BadRequest',
    );
  }
}
