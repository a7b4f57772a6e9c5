import { CLUSTER_ENUM_FIELDS, ENUMS } from './gkeFacts';
import { convertEnums } from './convertEnums';

// The protos the real client ships: the enum numbers the double writes must be theirs.
const protos = require('@google-cloud/container/build/protos/protos.json');

function protoEnum(path: string): Record<string, number> {
  let node = protos.nested.google.nested.container.nested.v1;
  for (const part of path.split('.')) node = node.nested?.[part] ?? node[part];
  return node.values;
}

describe('gkeFacts', () => {
  it.each(Object.keys(ENUMS))('%s matches google.container.v1', name => {
    const ours = ENUMS[name as keyof typeof ENUMS] as Record<string, number>;
    const theirs = protoEnum(name);
    for (const [key, value] of Object.entries(ours))
      expect([key, theirs[key]]).toEqual([key, value]);
  });

  it('converts the enum fields of a cluster both ways and leaves the rest', () => {
    const named = {
      name: 'c',
      status: 'RUNNING',
      releaseChannel: { channel: 'REGULAR' },
      nodePools: [
        {
          name: 'p',
          status: 'PROVISIONING',
          config: {
            accelerators: [
              { gpuDriverInstallationConfig: { gpuDriverVersion: 'LATEST' } },
            ],
          },
        },
      ],
      monitoringConfig: {
        componentConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'DCGM'] },
      },
    };
    const numeric = convertEnums(named, CLUSTER_ENUM_FIELDS, 'number');
    expect(numeric).toEqual({
      name: 'c',
      status: 2,
      releaseChannel: { channel: 2 },
      nodePools: [
        {
          name: 'p',
          status: 1,
          config: {
            accelerators: [
              { gpuDriverInstallationConfig: { gpuDriverVersion: 3 } },
            ],
          },
        },
      ],
      monitoringConfig: { componentConfig: { enableComponents: [1, 15] } },
    });
    expect(convertEnums(numeric, CLUSTER_ENUM_FIELDS, 'name')).toEqual(named);
  });
});
