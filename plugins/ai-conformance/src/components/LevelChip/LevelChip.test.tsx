import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LevelChip } from './LevelChip';

describe('LevelChip', () => {
  it('names the level and explains what the next one needs', async () => {
    render(
      <LevelChip
        level="silver"
        missing={['SHOULD requirements not met: gpu_sharing (unknown)']}
      />,
    );
    const chip = screen.getByLabelText('Level: Silver');
    expect(chip).toHaveAttribute('data-level', 'silver');
    await userEvent.hover(chip);
    expect(
      await screen.findByText(
        'SHOULD requirements not met: gpu_sharing (unknown)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('For the next level:')).toBeInTheDocument();
  });

  it('describes gold without a next-level list when nothing is missing', async () => {
    render(<LevelChip level="gold" />);
    const chip = screen.getByLabelText('Level: Gold');
    await userEvent.hover(chip);
    expect(await screen.findByText(/every SHOULD passes/)).toBeInTheDocument();
    expect(screen.queryByText('For the next level:')).toBeNull();
  });
});
