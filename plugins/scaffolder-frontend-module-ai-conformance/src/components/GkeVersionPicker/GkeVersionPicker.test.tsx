import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GkeVersionPicker } from './GkeVersionPicker';
import { gkeVersionPickerValidation } from './gkeVersionPickerValidation';

function Harness(props: { minor?: string; onValue?: (v?: string) => void }) {
  const [value, setValue] = useState<string | undefined>();
  const anyProps: any = {
    onChange: (v?: string) => {
      setValue(v);
      props.onValue?.(v);
    },
    formData: value,
    rawErrors: [],
    required: true,
    schema: { title: 'GKE version', type: 'string' },
    uiSchema: { 'ui:options': { checklistVersionField: 'checklistVersion' } },
    formContext: { formData: { checklistVersion: props.minor } },
    idSchema: { $id: 'root_gkeVersion' },
  };
  return <GkeVersionPicker {...anyProps} />;
}

// MUI's Autocomplete re-renders on every keystroke; shared CI machines are slow.
jest.setTimeout(30_000);

describe('GkeVersionPicker', () => {
  it('offers the certified minimum of the chosen minor', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness minor="1.35" />);
    await user.click(screen.getByRole('textbox', { name: 'GKE version' }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['1.35.0-gke.2232000']);
    expect(
      screen.getByText('At or above 1.35.0-gke.2232000'),
    ).toBeInTheDocument();
  });

  it('rejects a lower version as the user types and accepts a later one', async () => {
    const onValue = jest.fn();
    const user = userEvent.setup({ delay: null });
    render(<Harness minor="1.34" onValue={onValue} />);
    const input = screen.getByRole('textbox', { name: 'GKE version' });
    await user.type(input, '1.34.0-gke.1500000');
    expect(
      screen.getByText(
        '1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
      ),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    await user.type(input, '1.34.1-gke.1829001');
    expect(onValue).toHaveBeenLastCalledWith('1.34.1-gke.1829001');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByText(/is below/)).not.toBeInTheDocument();
  });

  it('selecting the offered version sets it', async () => {
    const onValue = jest.fn();
    const user = userEvent.setup({ delay: null });
    render(<Harness minor="1.34" onValue={onValue} />);
    await user.click(screen.getByRole('textbox', { name: 'GKE version' }));
    await user.click(
      await screen.findByRole('option', { name: '1.34.0-gke.1662000' }),
    );
    expect(onValue).toHaveBeenLastCalledWith('1.34.0-gke.1662000');
  });
});

describe('gkeVersionPickerValidation', () => {
  function validate(value: string, formData: Record<string, unknown>) {
    const addError = jest.fn();
    gkeVersionPickerValidation(value, { addError } as any, {
      apiHolder: { get: () => undefined },
      formData: formData as any,
      schema: {},
      uiSchema: { 'ui:options': { checklistVersionField: 'checklistVersion' } },
    });
    return addError.mock.calls.map(c => c[0]);
  }

  it('blocks the step for a version below the minimum of the chosen minor', () => {
    expect(
      validate('1.35.0-gke.2000000', { checklistVersion: '1.35' }),
    ).toEqual([
      '1.35.0-gke.2000000 is below 1.35.0-gke.2232000, the lowest AI-conformance-certified GKE version of 1.35',
    ]);
    expect(
      validate('1.34.0-gke.1662000', { checklistVersion: '1.35' }),
    ).toEqual([
      '1.34.0-gke.1662000 is not a 1.35 version; the lowest certified 1.35 version is 1.35.0-gke.2232000',
    ]);
    expect(
      validate('1.35.0-gke.2232000', { checklistVersion: '1.35' }),
    ).toEqual([]);
  });
});
