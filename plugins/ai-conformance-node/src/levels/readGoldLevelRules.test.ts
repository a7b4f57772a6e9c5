import { ConfigReader } from '@backstage/config';
import { readGoldLevelRules } from './readGoldLevelRules';

describe('readGoldLevelRules', () => {
  it('keeps defaults for unset keys', () => {
    expect(readGoldLevelRules(new ConfigReader({}))).toEqual({});
    expect(
      readGoldLevelRules(
        new ConfigReader({
          aiConformance: { levels: { gold: { maxAgeDays: 30 } } },
        }),
      ),
    ).toEqual({ maxAgeDays: 30 });
  });

  it('reads every gold rule', () => {
    expect(
      readGoldLevelRules(
        new ConfigReader({
          aiConformance: {
            levels: {
              gold: {
                requireAllShould: false,
                maxAgeDays: 3,
                requireCertifiedGkeVersion: false,
              },
            },
          },
        }),
      ),
    ).toEqual({
      requireAllShould: false,
      maxAgeDays: 3,
      requireCertifiedGkeVersion: false,
    });
  });
});
