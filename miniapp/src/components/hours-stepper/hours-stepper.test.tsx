import { useState } from 'react';
import { fireEvent, render } from '@testing-library/react';
import HoursStepper from './index';

function Harness({ start, min, max, error }: { start: number; min?: number; max: number; error?: string }) {
  const [value, setValue] = useState(start);
  return <HoursStepper label="申报时长" value={value} onChange={setValue} min={min} max={max} hint="实际约 0.5 小时" error={error} />;
}

const value = (c: HTMLElement) => c.querySelector('.hours-stepper__value')?.textContent;
const plus = (c: HTMLElement) => fireEvent.click(c.querySelector('.hours-stepper__plus') as HTMLElement);
const minus = (c: HTMLElement) => fireEvent.click(c.querySelector('.hours-stepper__minus') as HTMLElement);

describe('HoursStepper', () => {
  it('steps by half an hour between its limits', () => {
    const { container } = render(<Harness start={0.5} max={1.5} />);
    expect(value(container)).toBe('0.5 小时');
    minus(container);
    expect(value(container)).toBe('0.5 小时');
    expect(container.querySelector('.hours-stepper__minus')?.getAttribute('aria-disabled')).toBe('true');
    plus(container);
    plus(container);
    plus(container);
    expect(value(container)).toBe('1.5 小时');
    expect(container.querySelector('.hours-stepper__plus')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('goes down to 0 only when allowed, and shows its error instead of the hint', () => {
    const { container } = render(<Harness start={0.5} min={0} max={8} error="今日还可记 0 小时" />);
    minus(container);
    expect(value(container)).toBe('0 小时');
    expect(container.querySelector('.field-error')?.textContent).toBe('今日还可记 0 小时');
    expect(container.querySelector('.hours-stepper__hint')).toBeNull();
  });
});
